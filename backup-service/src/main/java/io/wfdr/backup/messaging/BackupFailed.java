package io.wfdr.backup.messaging;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.events.EventType;

/**
 * A backup failed; {@code errorNumber} and {@code message} are SQL Server's (0 when it was never reached). When the
 * BACKUP itself succeeded and only what followed failed (RESTORE VERIFYONLY), {@code backupSetUuid} names the set,
 * which is in the catalog.
 */
@EventType("wfdr.backup.failed.v1")
public record BackupFailed(String operationId, String databaseId, String database, BackupType type, int errorNumber,
        String message, String backupSetUuid) {
}
