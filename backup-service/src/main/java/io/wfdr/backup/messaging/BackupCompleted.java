package io.wfdr.backup.messaging;

import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.CatalogEntry;
import io.wfdr.spine.events.EventType;

/** A backup finished; {@code backup} carries what msdb recorded for it (type, LSNs, base, fork, damage). */
@EventType("wfdr.backup.completed.v1")
public record BackupCompleted(String operationId, String databaseId, BackupType requestedType, CatalogEntry backup,
        String note) {
}
