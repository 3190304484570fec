package io.wfdr.snapshot.api;

import java.time.Instant;

import io.wfdr.snapshot.domain.OperationKind;
import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.domain.SnapshotKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A snapshot, revert or rebuild: what was asked, the commands it runs (as an operator could "
        + "paste them), its progress and outcome in words")
public record OperationView(
        @Schema(description = "The operation's id") String id,
        OperationKind kind,
        @Schema(description = "The VM (null for a rebuild, which covers every VM of a host)") String vmId,
        @Schema(description = "The VM's host; for a rebuild, the lost host") String hostId,
        @Schema(description = "The DR VM host replicated to, or rebuilt on") String drHostId,
        @Schema(description = "The snapshot taken or used") String snapshotId,
        @Schema(description = "For a snapshot: the kind taken (a full where the VM had none to build on)")
        SnapshotKind snapshotKind,
        boolean replicate,
        OperationStatus status,
        @Schema(minimum = "0", maximum = "100") int percent,
        @Schema(description = "Progress or outcome in words; a failure's reason") String message,
        @Schema(description = "The virsh, qemu-img and qemu-nbd commands, one per line, arguments quoted")
        String script,
        String requestedBy,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {
}
