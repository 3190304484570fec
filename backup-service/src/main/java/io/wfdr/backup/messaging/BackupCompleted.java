package io.wfdr.backup.messaging;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.events.EventType;

/** A backup finished and passed RESTORE VERIFYONLY where the policy asks for it; {@code backup} is the whole set. */
@EventType("wfdr.backup.completed.v1")
public record BackupCompleted(String operationId, String databaseId, BackupType requestedType, String verifyOnly,
        BackupSet backup, String note) {
}
