package io.wfdr.backup.messaging;

import io.wfdr.backup.domain.BackupType;
import io.wfdr.spine.events.EventType;

/** A backup failed; {@code errorNumber} and {@code message} are SQL Server's (0 when it was never reached). */
@EventType("wfdr.backup.failed.v1")
public record BackupFailed(String operationId, String databaseId, String database, BackupType type, int errorNumber,
        String message) {
}
