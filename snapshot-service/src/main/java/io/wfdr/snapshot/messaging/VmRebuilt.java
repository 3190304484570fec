package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A VM of a lost VM host was created on the DR VM host from the replicas there and started; the inventory is told it runs there now. */
@EventType("wfdr.snapshot.vm.rebuilt.v1")
public record VmRebuilt(String vmId, String vmName, String snapshotId, String lostHostId, String drHostId, String disk, String operationId) {
}
