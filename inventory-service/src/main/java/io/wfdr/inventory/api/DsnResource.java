package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.service.DsnService;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/dsns")
@Tag(name = "ODBC DSNs", description = "The TFLOWF system DSN of each Workflow server")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DsnResource {

    private final DsnService service;

    DsnResource(DsnService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List ODBC DSNs", description = "Optionally of one environment or one server.")
    public Page<DsnView> list(
            @QueryParam("environmentId") String environmentId, @QueryParam("serverId") String serverId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(environmentId, serverId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one ODBC DSN")
    public DsnView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a ODBC DSN", description = "The target must be a database server and the login one of its logins.")
    @APIResponseSchema(value = DsnView.class, responseCode = "201", responseDescription = "The DSN; Location names it")
    public Response register(@Valid @NotNull DsnRequest request) {
        DsnView created = service.register(request);
        return Response.created(URI.create("/api/dsns/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace the description of a ODBC DSN")
    public DsnView update(@PathParam("id") String id, @Valid @NotNull DsnRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a ODBC DSN", description = "Refused with 409 while anything still refers to it.")
    public void remove(@PathParam("id") String id) {
        service.remove(id);
    }
}
