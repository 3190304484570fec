package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A VM's disk was put back to a snapshot and the VM started again; its disk before the revert is kept aside. */
@EventType("wfdr.snapshot.vm.reverted.v1")
public record VmReverted(String vmId, String vmName, String snapshotId, String hostId, String keptAside, String operationId) {
}
