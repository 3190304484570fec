package io.wfdr.backup.api;

import java.time.Instant;
import java.util.List;

import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.OperationStatus;

/** A backup operation: its status, progress (SQL Server's STATS), the exact T-SQL it runs, and what came of it. */
public record OperationView(String id, String databaseId, BackupType requestedType, BackupType runType,
        boolean copyOnly, OperationStatus status, int percent, String message, String script, Instant createdAt,
        Instant startedAt, Instant finishedAt, List<CopyView> copies) {
}
