package io.wfdr.inventory.messaging;

import io.wfdr.spine.events.EventType;

/** A well-formed command the inventory refused, e.g. a failover of a pair that already failed over. */
@EventType("wfdr.inventory.command.rejected.v1")
public record CommandRejected(String commandId, String commandType, String subjectId, String reason) {
}
