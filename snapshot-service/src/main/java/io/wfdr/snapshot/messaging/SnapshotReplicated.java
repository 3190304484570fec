package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A snapshot's file and manifest were shipped to the DR VM host (resumed from resumedFrom bytes where an earlier attempt was interrupted). */
@EventType("wfdr.snapshot.snapshot.replicated.v1")
public record SnapshotReplicated(String vmId, String vmName, String snapshotId, String drHostId, long bytes, long shippedBytes, long resumedFrom, String sha256, String operationId) {
}
