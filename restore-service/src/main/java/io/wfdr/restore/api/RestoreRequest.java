package io.wfdr.restore.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A restore to carry out: a plan made before ({@code planId}) or the inputs to make one now ({@code plan}), the
 * ticket and the reason, how wfdr logs in to the DR SQL Server, and options. {@code replace} restores over a
 * database of the new name that exists on the target (an approver must agree).
 */
public record RestoreRequest(@Size(max = 36) String planId,
        @Valid PlanRequest plan,
        @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:/#-]+", message = "must be a ticket number such as "
                + "INC-4711") String ticketId,
        @NotBlank @Size(max = 1000) String reason,
        @Valid SqlConnection connection,
        @Pattern(regexp = "PHYSICAL_ONLY|FULL", message = "must be PHYSICAL_ONLY or FULL") String checkDb,
        @Size(max = 500) String callbackUrl,
        Boolean replace) {

    /**
     * How wfdr reaches the DR SQL Server: the inventory login to connect as (its password is a secret reference),
     * port (1433) or named instance, TLS (encrypt on, certificate checked).
     */
    public record SqlConnection(@NotBlank @Size(max = 36) String loginId,
            @Min(1) @Max(65_535) Integer port,
            @Size(max = 16) @Pattern(regexp = "[A-Za-z0-9_$#-]+", message = "must be a SQL Server instance name")
            String instanceName,
            Boolean encrypt,
            Boolean trustServerCertificate) {
    }
}
