package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How wfdr reaches a Windows server's OpenSSH to run PowerShell there: the port, the account, where the
 * account's secret is kept (a reference, never the secret) and the host key fingerprint wfdr pins, so a machine
 * that took over the server's name or address is not mistaken for it. A server without it cannot be driven.
 */
@Embeddable
public class RemoteShellAccess {

    /** OpenSSH's own port. */
    public static final int DEFAULT_PORT = 22;

    @Column(name = "remote_shell_port")
    public Integer port;

    @Column(name = "remote_shell_user")
    public String user;

    @Column(name = "remote_shell_secret_ref")
    public String secretRef;

    @Column(name = "remote_shell_host_key")
    public String hostKeyFingerprint;

    public RemoteShellAccess() {
    }

    public RemoteShellAccess(Integer port, String user, String secretRef, String hostKeyFingerprint) {
        this.port = port == null ? DEFAULT_PORT : port;
        this.user = user;
        this.secretRef = secretRef;
        this.hostKeyFingerprint = hostKeyFingerprint;
    }
}
