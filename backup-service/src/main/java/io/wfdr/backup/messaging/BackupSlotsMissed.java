package io.wfdr.backup.messaging;

import java.time.Instant;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.events.EventType;

/**
 * Scheduled backups whose time passed while no instance of the service ran. They are not all run late: only the
 * latest ({@code caughtUpAt}) runs now, once; the others are reported here and skipped.
 */
@EventType("wfdr.backup.slots-missed.v1")
public record BackupSlotsMissed(String databaseId, String database, BackupType type, int missed,
        Instant firstDueAt, Instant lastDueAt, Instant caughtUpAt) {
}
