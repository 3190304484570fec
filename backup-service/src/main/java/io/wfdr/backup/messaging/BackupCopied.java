package io.wfdr.backup.messaging;

import io.wfdr.spine.events.EventType;

/** A backup file reached an offsite destination and was verified there (SHA-256 of the bytes read back). */
@EventType("wfdr.backup.copied.v1")
public record BackupCopied(String operationId, String databaseId, String backupSetId, String hostId, String path,
        long bytes, String sha256) {
}
