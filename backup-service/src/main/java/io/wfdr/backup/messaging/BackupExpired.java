package io.wfdr.backup.messaging;

import java.util.List;

import io.wfdr.spine.events.EventType;

/** Retention deleted a backup's copies (the reason says why no restore still needed it); each copy is named. */
@EventType("wfdr.backup.expired.v1")
public record BackupExpired(String databaseId, String backupSetUuid, String reason, List<OffsiteCopyFacts> copies) {
}
