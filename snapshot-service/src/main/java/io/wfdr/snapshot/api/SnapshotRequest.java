package io.wfdr.snapshot.api;

import io.wfdr.snapshot.domain.SnapshotKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A snapshot of a running VM, now")
public record SnapshotRequest(
        @Schema(description = "INCREMENTAL (default: the blocks changed since the VM's newest snapshot, a full when "
                + "there is none) or FULL") SnapshotKind kind,
        @Schema(description = "Replicate it to the DR VM host and verify it there; default: as the VM's policy says, "
                + "no policy: false") Boolean replicate) {
}
