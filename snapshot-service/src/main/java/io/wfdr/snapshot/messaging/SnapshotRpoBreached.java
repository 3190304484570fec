package io.wfdr.snapshot.messaging;

import io.wfdr.snapshot.api.VmRpo;
import io.wfdr.spine.events.EventType;

/** The VM's newest snapshot good at the DR VM host is older than its RPO target. */
@EventType("wfdr.snapshot.rpo-breached.v1")
public record SnapshotRpoBreached(String vmId, String vmName, String newestGoodSnapshotId,
        java.time.Instant newestGoodAt, long ageSeconds, long targetSeconds, String reason) {

    public static SnapshotRpoBreached of(VmRpo rpo) {
        return new SnapshotRpoBreached(rpo.vmId(), rpo.vmName(), rpo.newestGoodSnapshotId(), rpo.newestGoodAt(),
                rpo.ageSeconds(), rpo.targetSeconds(), rpo.reason());
    }
}
