package io.wfdr.backup.messaging;

import io.wfdr.backup.api.RpoStatus;
import io.wfdr.spine.events.EventType;

/** The newest point restorable from offsite is older than the database's RPO target. */
@EventType("wfdr.backup.rpo-breached.v1")
public record RpoBreached(RpoStatus status) {
}
