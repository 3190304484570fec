package io.wfdr.restore.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A destination folder to load the catalog from, on the day the backup service is gone: {@code path} as this
 * service sees it, {@code sqlServerPath} as the SQL Servers at its site open it (UNC or local; defaults to
 * {@code path}), the machine and site it is on, and whether to hash every file (slow, but proves each byte).
 */
public record ImportRequest(@NotBlank @Size(max = 400) String path, @Size(max = 400) String sqlServerPath,
        @Size(max = 36) String hostId, @Size(max = 36) String siteId, boolean verifySha256) {
}
