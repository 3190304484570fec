package io.wfdr.restore.windows;

import java.net.SocketAddress;
import java.security.PublicKey;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Accepts a server only if its host key has the fingerprint pinned for that connection. One SSH client serves every
 * Windows host, so each connection carries its own pin in its connection context; the pin also remembers the key the
 * host offered, so a refusal can name it.
 */
final class PinnedHostKey implements ServerKeyVerifier {

    static final AttributeKey<Pin> PIN = new AttributeKey<>();

    /** The fingerprint expected for one connection, and the one the host offered. */
    static final class Pin {
        private final String expected;
        private volatile String offered;

        Pin(String expected) {
            this.expected = withoutPadding(expected);
        }

        AttributeRepository asContext() {
            return AttributeRepository.ofKeyValuePair(PIN, this);
        }

        /** The fingerprint of a key the host offered and that was refused; null if none was. */
        String refused() {
            String seen = offered;
            return seen != null && !seen.equals(expected) ? seen : null;
        }

        String expected() {
            return expected;
        }

        boolean accepts(String fingerprint) {
            offered = fingerprint;
            return expected.equals(fingerprint);
        }
    }

    /** OpenSSH's form: {@code SHA256:} and the unpadded Base64 of the SHA-256 of the key blob. */
    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remote, PublicKey key) {
        AttributeRepository context = session.getConnectionContext();
        Pin pin = context == null ? null : context.getAttribute(PIN);
        return pin != null && pin.accepts(withoutPadding(fingerprint(key)));
    }

    private static String withoutPadding(String fingerprint) {
        String trimmed = fingerprint.strip();
        int end = trimmed.length();
        while (end > 0 && trimmed.charAt(end - 1) == '=') {
            end--;
        }
        return trimmed.substring(0, end);
    }
}
