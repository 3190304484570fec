package io.wfdr.backup.api;

import java.time.Instant;
import java.util.List;

import io.wfdr.backup.domain.OperationStatus;
import io.wfdr.spine.contract.BackupType;

/**
 * A backup operation: its status, progress (SQL Server's STATS), the exact T-SQL it runs, the file it writes, the
 * backup set it made (once msdb recorded it) and how RESTORE VERIFYONLY judged it, and its offsite copies.
 */
public record OperationView(String id, String databaseId, BackupType requestedType, BackupType runType,
        boolean copyOnly, OperationStatus status, int percent, String message, String script, String devicePath,
        String backupSetUuid, String verifyOnly, Instant createdAt, Instant startedAt, Instant finishedAt,
        List<CopyView> copies) {
}
