package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A SQL login. There is deliberately no password field: give {@code secretRef}, the place the password is kept
 * ({@code env:NAME}, {@code file:/path}, {@code k8s:secret/key}). A request that carries a password is refused.
 */
public record LoginRequest(@NotBlank @Size(max = 128) String name, @NotBlank String serverId,
        @Pattern(regexp = "0x[0-9A-Fa-f]{32}", message = "must be the 16-byte SID of a SQL login as 0x followed by 32 hex digits") String sid,
        String secretRef) {
}
