package io.wfdr.inventory.messaging;

import io.wfdr.inventory.domain.DriftReport;
import io.wfdr.spine.events.EventType;

/** A DR server fell out of step with its production server. */
@EventType("wfdr.inventory.drift.detected.v1")
public record DriftDetected(DriftReport drift) {
}
