package io.wfdr.snapshot.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Put a VM's disk back to a snapshot taken on the host it runs on")
public record RevertRequest(
        @Schema(description = "The snapshot; default: the VM's newest good one (taken and verified at the DR host)")
        String snapshotId) {
}
