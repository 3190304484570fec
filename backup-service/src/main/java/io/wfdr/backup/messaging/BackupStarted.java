package io.wfdr.backup.messaging;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.events.EventType;

@EventType("wfdr.backup.started.v1")
public record BackupStarted(String operationId, String databaseId, String database, BackupType type,
        boolean copyOnly) {
}
