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

@Path("/api/vm-hosts/{hostId}/rebuild")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RebuildResource {

    private final VmOperations operations;

    RebuildResource(VmOperations operations) {
        this.operations = operations;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Rebuild the VMs of a lost VM host on a DR VM host", description = "After the loss of the "
            + "host: each VM the inventory has on it is created on the DR host from its newest good replica there "
            + "(checked whole at the DR end first), with the same name, CPUs, memory and NICs, and started; the "
            + "inventory is told the DR host runs it now. Refused, with nothing started, when any VM has no good "
            + "replica there. 202 with the operation's Location.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Onto the DR host",
            value = "{\"drHostId\": \"<DR VM host id>\"}")))
    @APIResponseSchema(value = OperationView.class, responseCode = "202",
            responseDescription = "The rebuild operation; Location names it")
    @APIResponse(responseCode = "422", description = "The DR host is the lost host itself, or the Idempotency-Key "
            + "was used before for another request")
    @APIResponse(responseCode = "409", description = "A VM of the host has no good replica at the DR host, or the "
            + "DR host is not one wfdr reaches, or has no datastore folders; nothing was started")
    public Response rebuild(@PathParam("hostId") String hostId, @Valid @NotNull RebuildRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        VmOperations.Accepted accepted = operations.rebuild(hostId, request.drHostId(), idempotencyKey);
        return Response.accepted(accepted.operation())
                .location(URI.create("/api/snapshot-operations/" + accepted.operation().id())).build();
    }

    @GET
    @Path("/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The commands of a rebuild, without running them")
    public String rebuildScript(@PathParam("hostId") String hostId, @QueryParam("drHostId") @NotBlank String drHostId) {
        return operations.rebuildScript(hostId, drHostId);
    }
}
