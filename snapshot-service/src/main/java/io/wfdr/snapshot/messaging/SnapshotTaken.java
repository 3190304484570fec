package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A snapshot of a running VM was taken on its host and is complete there (its file and manifest); fullBecause says why a full was taken where an incremental was asked. */
@EventType("wfdr.snapshot.snapshot.taken.v1")
public record SnapshotTaken(String vmId, String vmName, String snapshotId, String kind, String parentSnapshotId, String hostId, long bytes, long changedBytes, String consistency, String fullBecause, java.time.Instant takenAt, String operationId) {
}
