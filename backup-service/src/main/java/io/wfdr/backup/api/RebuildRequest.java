package io.wfdr.backup.api;

import jakarta.validation.constraints.NotBlank;

/** A destination to rebuild the catalog from: its path on the backup service's side and the machine it is on. */
public record RebuildRequest(@NotBlank String path, @NotBlank String hostId) {
}
