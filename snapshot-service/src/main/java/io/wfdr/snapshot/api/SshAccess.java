package io.wfdr.snapshot.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "How wfdr reaches a VM host's datastore over SSH (Apache MINA SSHD: SFTP for the bytes, the "
        + "host's own sha256sum and qemu-img for what is computed there). Exactly one of passwordRef and "
        + "privateKeyFile; no secret value is ever accepted or shown")
public record SshAccess(
        @Schema(description = "Host name or address to connect to", required = true, example = "kvm-dr01.corp.example")
        @Size(max = 253) String host,
        @Schema(description = "SSH port; 22 when left out", example = "22") Integer port,
        @Schema(description = "The account to log on with", required = true, example = "wfdr") @Size(max = 64)
        String user,
        @Schema(description = "The host key's fingerprint as OpenSSH prints it (ssh-keygen -lf); a host offering "
                + "another key is refused", required = true,
                example = "SHA256:MlwK5l1n+IMFjlgF7A/bXLlu34GUGHj3rvQwsdb8bVw") @Size(max = 100)
        String hostKeyFingerprint,
        @Schema(description = "Secret reference of the password (env:NAME, file:/path, k8s:secret/key), resolved "
                + "only when a connection logs on", example = "k8s:wfdr-kvm-dr01/password") @Size(max = 500)
        String passwordRef,
        @Schema(description = "Or a private key file on the machine wfdr runs on", example = "/etc/wfdr/ssh/id_ed25519")
        @Size(max = 1000) String privateKeyFile) {
}
