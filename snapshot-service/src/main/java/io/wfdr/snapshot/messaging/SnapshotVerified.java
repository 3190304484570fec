package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** The DR VM host's replica of a snapshot was read back and hashed there, and matches: the snapshot is good for a revert or rebuild. */
@EventType("wfdr.snapshot.snapshot.verified.v1")
public record SnapshotVerified(String vmId, String vmName, String snapshotId, String drHostId, String sha256, java.time.Instant verifiedAt, String operationId) {
}
