package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.RemoteShellAccess;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How wfdr reaches the server's OpenSSH to run PowerShell there. As with SQL logins there is deliberately no
 * password field: {@code secretRef} says where the account's password or key is kept ({@code env:NAME},
 * {@code file:/path}, {@code k8s:secret/key}). {@code hostKeyFingerprint} pins the server's host key, as
 * {@code ssh-keygen -lf} prints it, so wfdr never talks to another machine answering to the server's name.
 */
public record RemoteShell(
        @Schema(defaultValue = "22", description = "OpenSSH's port; 22 when left out")
        @Min(1) @Max(65_535) Integer port,
        @Schema(description = "The Windows account: user, DOMAIN\\user or user@domain")
        @NotBlank @Size(max = 128) @Pattern(regexp = USER, message = USER_RULE) String user,
        @Schema(description = "Where the account's password or key is kept: env:NAME, file:/path or "
                + "k8s:secret/key; never the secret itself")
        String secretRef,
        @Schema(description = "The server's SSH host key fingerprint as ssh-keygen -lf prints it")
        @NotNull @Pattern(regexp = FINGERPRINT, message = FINGERPRINT_RULE) String hostKeyFingerprint) {

    /**
     * A Windows account name as OpenSSH takes it; nothing a shell would read as more than a name. Anchored, so the
     * OpenAPI document (whose patterns search) says what the service's (which match whole) does.
     */
    static final String USER = "^([A-Za-z0-9][A-Za-z0-9.-]*\\\\)?[A-Za-z0-9._-]+(@[A-Za-z0-9][A-Za-z0-9.-]*)?$";
    static final String USER_RULE = "must be a Windows account as user, DOMAIN\\user or user@domain "
            + "(letters, digits, '.', '_' and '-')";
    /**
     * SHA-256 of the key in unpadded base64: 32 bytes are 43 characters, the last of which carries 4 bits and two
     * zero bits, so only 16 characters can end it.
     */
    static final String FINGERPRINT = "^SHA256:[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]$";
    static final String FINGERPRINT_RULE = "must be an SSH host key's SHA-256 fingerprint as ssh-keygen -lf prints "
            + "it: SHA256: and 43 base64 characters, without padding";

    public RemoteShell {
        port = port == null ? RemoteShellAccess.DEFAULT_PORT : port;
    }

    static RemoteShell of(RemoteShellAccess access) {
        return access == null ? null
                : new RemoteShell(access.port, access.user, access.secretRef, access.hostKeyFingerprint);
    }
}
