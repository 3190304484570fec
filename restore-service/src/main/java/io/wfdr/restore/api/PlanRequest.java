package io.wfdr.restore.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What to restore: the database, the point in time ({@code latest}, or an ISO-8601 time such as
 * {@code 2026-11-30T14:05:00Z}), the target SQL Server (default: the DR server paired with the database's server),
 * the new name (default {@code <name>_DR}), and the data and log folders on the target (default: the instance's
 * default paths), and the site whose copies to prefer (default: the target's own site).
 */
public record PlanRequest(@NotBlank @Size(max = 36) String databaseId,
        @Size(max = 40) String pointInTime,
        @Size(max = 36) String targetServerId,
        @Size(max = 128) String newName,
        @Size(max = 260) @Pattern(regexp = "([A-Za-z]:\\\\|\\\\\\\\|/)[^*?\"<>|]*", message = "must be an absolute "
                + "Windows, UNC or Linux folder") String dataFolder,
        @Size(max = 260) @Pattern(regexp = "([A-Za-z]:\\\\|\\\\\\\\|/)[^*?\"<>|]*", message = "must be an absolute "
                + "Windows, UNC or Linux folder") String logFolder,
        @Size(max = 36) String preferSiteId) {
}
