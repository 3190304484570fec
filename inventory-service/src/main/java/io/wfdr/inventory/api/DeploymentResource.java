package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.service.DeploymentService;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/deployments")
@Tag(name = "Deployments", description = "Workflow processes and forms deployed on Workflow servers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DeploymentResource {

    private final DeploymentService deployments;

    DeploymentResource(DeploymentService deployments) {
        this.deployments = deployments;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List deployments", description = "Optionally of one environment or one server.")
    public Page<DeploymentView> list(@QueryParam("environmentId") String environmentId,
            @QueryParam("serverId") String serverId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return deployments.list(environmentId, serverId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one deployment")
    public DeploymentView get(@PathParam("id") String id) {
        return deployments.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Record a deployment", description = "A process or form deployed to a Workflow server; "
            + "a new version of one the server has replaces it. Re-checks the drift of the server's pair.")
    @APIResponseSchema(value = DeploymentView.class, responseCode = "201", responseDescription = "The deployment; Location names it")
    public Response record(@Valid @NotNull DeploymentRequest request) {
        DeploymentView recorded = deployments.record(request);
        return Response.created(URI.create("/api/deployments/" + recorded.id())).entity(recorded).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a deployment record")
    public void remove(@PathParam("id") String id) {
        deployments.remove(id);
    }
}
