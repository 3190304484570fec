package io.wfdr.snapshot.replication;

import java.nio.file.Path;

/**
 * How to reach the DR VM host's datastore over SSH: host and port, the account, the datastore's absolute folder
 * there, the pinned host key as OpenSSH prints its fingerprint ({@code SHA256:…}; a host offering any other key is
 * refused) and one way to log on: a private key file, or the secret reference ({@code env:}, {@code file:},
 * {@code k8s:}) of a password, resolved only when a connection logs on.
 */
public record SshReplicaTarget(String host, int port, String user, String folder, String hostKeyFingerprint,
        Path privateKey, String passwordRef) {

    public SshReplicaTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("the DR host needs a host name");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("the SSH port of " + host + " must be 1 to 65535");
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("the DR host needs the account to log on with");
        }
        if (folder == null || !folder.startsWith("/") || folder.length() < 2 || folder.endsWith("/")
                || folder.contains("/../") || folder.endsWith("/..") || folder.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("the DR datastore folder must be an absolute path such as "
                    + "/var/lib/libvirt/images/dr, without .. or a trailing /: " + folder);
        }
        if (hostKeyFingerprint == null || !hostKeyFingerprint.startsWith("SHA256:")) {
            throw new IllegalArgumentException("the host key of " + host
                    + " must be pinned as OpenSSH prints it (SHA256:...)");
        }
        if ((privateKey == null) == (passwordRef == null || passwordRef.isBlank())) {
            throw new IllegalArgumentException("log on to " + host + " with a private key file or a password's "
                    + "secret reference: exactly one of them");
        }
    }

    public static SshReplicaTarget withKey(String host, int port, String user, String folder, String fingerprint,
            Path privateKey) {
        return new SshReplicaTarget(host, port, user, folder, fingerprint, privateKey, null);
    }

    public static SshReplicaTarget withPassword(String host, int port, String user, String folder,
            String fingerprint, String passwordRef) {
        return new SshReplicaTarget(host, port, user, folder, fingerprint, null, passwordRef);
    }

    String path(String name) {
        return folder + "/" + name;
    }

    public String display() {
        return user + "@" + host + ":" + port + ":" + folder;
    }
}
