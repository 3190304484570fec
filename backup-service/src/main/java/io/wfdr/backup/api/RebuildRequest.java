package io.wfdr.backup.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A destination to rebuild the catalog from: its path on the backup service's side, the machine it is on, and
 * where SQL Servers at its site open the same folder (UNC or local; defaults to {@code path}).
 */
public record RebuildRequest(@NotBlank @Size(max = 400) String path, @NotBlank String hostId,
        @Size(max = 400) String sqlServerPath) {
}
