package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.service.SiteService;
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

@Path("/api/sites")
@Tag(name = "Sites", description = "Production and DR sites with their geographic location")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SiteResource {

    private final SiteService service;

    SiteResource(SiteService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List sites", description = "Optionally of one environment; sorted by name.")
    public Page<SiteView> list(
            @QueryParam("environmentId") String environmentId,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(environmentId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one site")
    public SiteView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a site", description = "A site name is unique within its environment.")
    @APIResponseSchema(value = SiteView.class, responseCode = "201", responseDescription = "The site; Location names it")
    public Response register(@Valid @NotNull SiteRequest request) {
        SiteView created = service.register(request);
        return Response.created(URI.create("/api/sites/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace the description of a site")
    public SiteView update(@PathParam("id") String id, @Valid @NotNull SiteRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a site", description = "Refused with 409 while anything still refers to it.")
    public void remove(@PathParam("id") String id) {
        service.remove(id);
    }
}
