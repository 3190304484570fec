package io.wfdr.snapshot.api;

import io.wfdr.snapshot.service.SnapshotRpo;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/vms/{id}/rpo")
@Tag(name = "VMs and snapshot policies")
@Produces(MediaType.APPLICATION_JSON)
public class RpoResource {

    private final SnapshotRpo rpo;

    RpoResource(SnapshotRpo rpo) {
        this.rpo = rpo;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VM's RPO now", description = "The age of the VM's newest snapshot replicated to and "
            + "verified at the DR VM host, against the target: the policy's incremental interval plus a grace (one "
            + "interval unless configured). Without a good snapshot yet ageSeconds and breached are null. 404 for an "
            + "unknown VM or one without a snapshot policy. The same age is the gauge wfdr_snapshot_rpo_seconds; "
            + "wfdr.snapshot.rpo-breached.v1 and rpo-restored.v1 are published at each change.")
    public VmRpo getRpo(@PathParam("id") String id) {
        return rpo.of(id);
    }
}
