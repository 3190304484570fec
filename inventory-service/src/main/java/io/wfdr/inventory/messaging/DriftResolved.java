package io.wfdr.inventory.messaging;

import io.wfdr.inventory.domain.DriftReport;
import io.wfdr.spine.events.EventType;

/** A DR server is in step with its production server again. */
@EventType("wfdr.inventory.drift.resolved.v1")
public record DriftResolved(DriftReport drift) {
}
