package io.wfdr.restore.windows;

/**
 * How to reach a Windows server's OpenSSH: host and port, the account, the secret reference of its password
 * ({@code env:}, {@code file:}, {@code k8s:}), and the pinned host key as OpenSSH prints its fingerprint
 * ({@code SHA256:…}); a host offering any other key is refused.
 */
public record WindowsTarget(String host, int port, String user, String secretRef, String hostKeyFingerprint) {

    public String display() {
        return host + ":" + port;
    }
}
