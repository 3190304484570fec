package io.wfdr.snapshot.replication;

import java.security.PublicKey;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.AttributeRepository.AttributeKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * The host key fingerprint one connection accepts, carried in its connection context; it remembers a key the host
 * offered and that was refused, so the refusal can name it.
 */
final class HostKeyPin {

    private static final AttributeKey<HostKeyPin> PIN = new AttributeKey<>();

    /** Accepts a server only if its key has the fingerprint pinned in the connection's context. */
    static final ServerKeyVerifier VERIFIER = (session, remote, key) -> {
        AttributeRepository context = session.getConnectionContext();
        HostKeyPin pin = context == null ? null : context.getAttribute(PIN);
        return pin != null && pin.accepts(key);
    };

    private final String expected;
    private volatile String refused;

    HostKeyPin(String fingerprint) {
        this.expected = withoutPadding(fingerprint);
    }

    AttributeRepository asContext() {
        return AttributeRepository.ofKeyValuePair(PIN, this);
    }

    String expected() {
        return expected;
    }

    /** The fingerprint of a host key that was offered and refused; null if none was. */
    String refused() {
        return refused;
    }

    private boolean accepts(PublicKey key) {
        String offered = withoutPadding(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key));
        if (expected.equals(offered)) {
            return true;
        }
        refused = offered;
        return false;
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
