package io.wfdr.snapshot.api;

import java.time.Instant;

import io.wfdr.snapshot.domain.Consistency;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.VmSnapshot;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A snapshot in the catalog, and where its replica is")
public record SnapshotView(
        String snapshotId,
        String vmId,
        @Schema(description = "The host it was taken on") String hostId,
        SnapshotKind kind,
        @Schema(description = "The snapshot it was taken on (null for a full)") String parentSnapshotId,
        @Schema(description = "The full its chain starts with") String chainId,
        String file,
        long bytes,
        String sha256,
        long virtualSize,
        @Schema(description = "The bytes the change tracking found written since the parent (a full: its data)")
        long changedBytes,
        Consistency consistency,
        @Schema(description = "Why a full was taken where an incremental was asked") String fullBecause,
        Instant takenAt,
        String drHostId,
        Long shippedBytes,
        Instant replicatedAt,
        Instant verifiedAt,
        String replicaProblem,
        @Schema(description = "Taken and verified at the DR host: usable for a revert or a rebuild") boolean good) {

    public static SnapshotView of(VmSnapshot s) {
        return new SnapshotView(s.snapshotId, s.vmId, s.hostId, s.kind, s.parentId, s.chainId, s.fileName, s.bytes,
                s.sha256, s.virtualSize, s.changedBytes, s.consistency, s.fullBecause, s.takenAt, s.drHostId,
                s.shippedBytes, s.replicatedAt, s.verifiedAt, s.replicaProblem, s.good());
    }
}
