package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.service.HostService;
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
import io.wfdr.inventory.domain.HostKind;

@Path("/api/hosts")
@Tag(name = "Hosts", description = "VM hosts and physical machines")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class HostResource {

    private final HostService service;

    HostResource(HostService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List hosts", description = "Optionally of one site and kind; sorted by name.")
    public Page<HostView> list(
            @QueryParam("siteId") String siteId, @QueryParam("kind") HostKind kind,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(siteId, kind, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one host")
    public HostView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a host", description = "A VM host needs its hypervisor; a physical machine has none. Host names are unique.")
    @APIResponseSchema(value = HostView.class, responseCode = "201", responseDescription = "The host; Location names it")
    public Response register(@Valid @NotNull HostRequest request) {
        HostView created = service.register(request);
        return Response.created(URI.create("/api/hosts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace the description of a host")
    public HostView update(@PathParam("id") String id, @Valid @NotNull HostRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a host", description = "Refused with 409 while anything still refers to it.")
    public void remove(@PathParam("id") String id) {
        service.remove(id);
    }
}
