package io.wfdr.backup.messaging;

import io.wfdr.spine.events.EventType;

/** A backup file could not be copied to, or verified at, an offsite destination. */
@EventType("wfdr.backup.copy-failed.v1")
public record BackupCopyFailed(String operationId, String databaseId, String backupSetId, String hostId,
        String destination, String reason) {
}
