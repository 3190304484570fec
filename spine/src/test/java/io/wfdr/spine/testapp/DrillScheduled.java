package io.wfdr.spine.testapp;

import java.time.Instant;

import io.wfdr.spine.events.EventType;

@EventType("wfdr.spinetest.drill.scheduled.v1")
public record DrillScheduled(String drillId, String name, Drill.Kind kind, Instant scheduledAt) {
}
