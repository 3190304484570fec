package io.wfdr.snapshot.messaging;

import io.wfdr.snapshot.api.VmRpo;
import io.wfdr.spine.events.EventType;

/** The VM is within its RPO target again: a snapshot newer than the target is good at the DR VM host. */
@EventType("wfdr.snapshot.rpo-restored.v1")
public record SnapshotRpoRestored(String vmId, String vmName, String newestGoodSnapshotId,
        java.time.Instant newestGoodAt, long ageSeconds, long targetSeconds) {

    public static SnapshotRpoRestored of(VmRpo rpo) {
        return new SnapshotRpoRestored(rpo.vmId(), rpo.vmName(), rpo.newestGoodSnapshotId(), rpo.newestGoodAt(),
                rpo.ageSeconds(), rpo.targetSeconds());
    }
}
