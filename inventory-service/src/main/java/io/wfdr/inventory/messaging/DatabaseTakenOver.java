package io.wfdr.inventory.messaging;

import io.wfdr.spine.events.EventType;

/**
 * The restored database {@code toDatabaseId} on {@code serverId} is now the one the environment's Workflow uses, in
 * place of {@code fromDatabaseId}, and the DSN {@code dsnId} points at it: what the backup service needs to protect
 * it from now on. Keyed by the replaced database.
 */
@EventType("wfdr.inventory.database.taken-over.v1")
public record DatabaseTakenOver(String fromDatabaseId, String toDatabaseId, String serverId, String dsnId,
        String runbookId, String reason, String ticketId) {
}
