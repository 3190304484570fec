package io.wfdr.backup.api;

import io.wfdr.spine.contract.BackupType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** An on-demand backup: which database, which type, and whether it is copy-only (outside the normal chain). */
public record BackupRequestBody(@NotBlank String databaseId, @NotNull BackupType type, boolean copyOnly) {
}
