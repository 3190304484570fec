package io.wfdr.backup.messaging;

import io.wfdr.backup.api.RpoStatus;
import io.wfdr.spine.events.EventType;

/** The database is within its RPO target again. */
@EventType("wfdr.backup.rpo-restored.v1")
public record RpoRestored(RpoStatus status) {
}
