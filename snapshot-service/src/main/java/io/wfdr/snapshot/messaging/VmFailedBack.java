package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.EventType;

/** A VM that ran at the DR host runs on a production host again, from its last snapshot there; the inventory is told. */
@EventType("wfdr.snapshot.vm.failed-back.v1")
public record VmFailedBack(String vmId, String vmName, String snapshotId, String fromHostId, String toHostId,
        String disk, String operationId) {
}
