package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A snapshot, its replication or its verification failed; nothing incomplete is left under a final name, and the reason is in words. */
@EventType("wfdr.snapshot.snapshot.failed.v1")
public record SnapshotFailed(String vmId, String vmName, String snapshotId, String stage, String reason, String operationId) {
}
