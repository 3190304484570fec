package io.wfdr.backup.messaging;

import io.wfdr.spine.events.EventType;

/** A readable command on {@code wfdr.backup.commands} that the backup service refused, with the reason. */
@EventType("wfdr.backup.command.rejected.v1")
public record CommandRejected(String commandId, String commandType, String subjectId, String reason) {
}
