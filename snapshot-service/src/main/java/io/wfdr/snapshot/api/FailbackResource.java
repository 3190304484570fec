package io.wfdr.snapshot.api;

import java.net.URI;

import io.wfdr.snapshot.service.VmOperations;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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

@Path("/api/vms/{vmId}/failback")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FailbackResource {

    private final VmOperations operations;

    FailbackResource(VmOperations operations) {
        this.operations = operations;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Move a VM back from the DR host", description = "When a production host is back: the VM is "
            + "paused at the DR host, what changed while it ran there is snapshotted, replicated to the production "
            + "host and verified there; then it is stopped at DR, created on the production host from those replicas "
            + "(an old definition there removed, its disk kept aside) and started, and the inventory is asked to "
            + "rehost it. A failure before the stop leaves it running at DR. 202 with the operation's Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Back to production",
            value = "{\"toHostId\": \"<production VM host id>\"}")))
    @APIResponseSchema(value = OperationView.class, responseCode = "202",
            responseDescription = "The failback operation; Location names it")
    @APIResponse(responseCode = "409", description = "A host is not one wfdr reaches or has no datastore folders, "
            + "or another operation is at work on the VM; nothing was started")
    @APIResponse(responseCode = "422", description = "The VM runs on that host already, or the Idempotency-Key was "
            + "used before for another request")
    public Response failback(@PathParam("vmId") String vmId, @Valid @NotNull FailbackRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        VmOperations.Accepted accepted = operations.failback(vmId, request.toHostId(), idempotencyKey);
        return Response.accepted(accepted.operation())
                .location(URI.create("/api/snapshot-operations/" + accepted.operation().id())).build();
    }

    @GET
    @Path("/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The commands of a failback, without running them")
    public String failbackScript(@PathParam("vmId") String vmId, @QueryParam("toHostId") @NotBlank String toHostId) {
        return operations.failbackScript(vmId, toHostId);
    }
}
