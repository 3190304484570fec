package io.wfdr.snapshot.api;

import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.service.VmOperations;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/snapshot-operations")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
public class SnapshotOperationResource {

    private final VmOperations operations;

    SnapshotOperationResource(VmOperations operations) {
        this.operations = operations;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Snapshot, revert and rebuild operations, newest first", description = "For pipelines that "
            + "poll: by VM and status; paged.")
    public Page<OperationView> listOperations(@QueryParam("vmId") String vmId, @QueryParam("status") OperationStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return operations.list(vmId, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One operation, with its progress and outcome")
    public OperationView getOperation(@PathParam("id") String id) {
        return operations.get(id);
    }
}
