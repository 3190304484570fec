package io.wfdr.snapshot.api;

import java.net.URI;

import io.wfdr.snapshot.service.VmOperations;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/vms/{vmId}/revert")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RevertResource {

    private final VmOperations operations;

    RevertResource(VmOperations operations) {
        this.operations = operations;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Revert a VM to a snapshot", description = "After a VM failure: the snapshot's chain is "
            + "checked whole first (every file's SHA-256, every backing file its parent's) — a damaged one is refused "
            + "before the VM is touched; then the VM is stopped, its disk put back to the snapshot (the old disk kept "
            + "aside), and started. Default: its newest good snapshot. 202 with the operation's Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "The newest good snapshot", value = "{}")))
    @APIResponseSchema(value = OperationView.class, responseCode = "202",
            responseDescription = "The revert operation; Location names it")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request")
    @APIResponse(responseCode = "409", description = "No good snapshot, or one taken on another host, or another "
            + "operation at work on the VM; nothing was started")
    public Response revert(@PathParam("vmId") String vmId, RevertRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        VmOperations.Accepted accepted = operations.revert(vmId, request == null ? null : request.snapshotId(),
                idempotencyKey);
        return Response.accepted(accepted.operation())
                .location(URI.create("/api/snapshot-operations/" + accepted.operation().id())).build();
    }

    @GET
    @Path("/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The commands of a revert, without running them")
    public String revertScript(@PathParam("vmId") String vmId, @QueryParam("snapshotId") String snapshotId) {
        return operations.revertScript(vmId, snapshotId);
    }
}
