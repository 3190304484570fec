package io.wfdr.backup.messaging;

import java.util.List;

import io.wfdr.spine.events.EventType;

/** Retention deleted a backup's files (the reason says why it was no longer needed). */
@EventType("wfdr.backup.expired.v1")
public record BackupExpired(String databaseId, String backupSetId, String reason, List<String> deletedFiles) {
}
