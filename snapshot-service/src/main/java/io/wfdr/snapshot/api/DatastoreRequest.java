package io.wfdr.snapshot.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Where a VM host keeps wfdr's files: absolute paths of folders mounted here, or, with ssh, "
        + "as the host names them")
public record DatastoreRequest(
        @Schema(description = "Snapshots of the host's VMs, or, on a DR host, the replicas it receives; one folder "
                + "per VM below it", required = true, example = "/mnt/kvm-dr-01/wfdr/snapshots")
        @NotBlank @Size(max = 1000) String snapshotFolder,
        @Schema(description = "Where disks of VMs rebuilt on this host are written", required = true,
                example = "/mnt/kvm-dr-01/wfdr/disks") @NotBlank @Size(max = 1000) String diskFolder,
        @Schema(description = "Reach the datastore over SSH instead of as folders mounted here (a DR host's "
                + "replicas, rebuilds and failbacks to it; snapshots are taken only where the datastore is mounted)")
        @Valid SshAccess ssh) {
}
