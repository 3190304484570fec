package io.wfdr.backup.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * How to reach a database server. The host is the server's current name from the inventory; {@code loginId} is one
 * of its SQL logins, whose secret reference is resolved only when connecting.
 */
public record ConnectionRequest(@Min(1) @Max(65_535) Integer port,
        @Pattern(regexp = "[A-Za-z0-9_$#-]{1,16}", message = "must be a SQL Server instance name") String instanceName,
        Boolean encrypt, Boolean trustServerCertificate, @NotBlank String loginId) {
}
