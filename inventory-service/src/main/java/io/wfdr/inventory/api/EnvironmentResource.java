package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.service.ComplianceService;
import io.wfdr.inventory.service.DriftService;
import io.wfdr.inventory.service.EnvironmentImportService;
import io.wfdr.inventory.service.EnvironmentService;
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

@Path("/api/environments")
@Tag(name = "Environments", description = "TRANSFLO Workflow environments, their compliance and drift, and the bulk import")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EnvironmentResource {

    private final EnvironmentService service;
    private final ComplianceService compliance;
    private final DriftService drift;
    private final EnvironmentImportService imports;

    EnvironmentResource(EnvironmentService service, ComplianceService compliance, DriftService drift,
            EnvironmentImportService imports) {
        this.service = service;
        this.compliance = compliance;
        this.drift = drift;
        this.imports = imports;
    }

    @GET
    @Path("/{id}/compliance")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Requirement compliance of every server of the environment")
    public EnvironmentCompliance compliance(@PathParam("id") String id) {
        return compliance.ofEnvironment(id);
    }

    @GET
    @Path("/{id}/drift")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Drift of the DR side from production",
            description = "Each pair's drift and the production servers without a DR server.")
    public EnvironmentDrift drift(@PathParam("id") String id) {
        return drift.ofEnvironment(id);
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Import a whole environment as one document", description = "Sites, hosts, servers, "
            + "pairs, databases, logins, DSNs and deployments, referring to each other by name. Validated as a "
            + "whole: either all of it is stored, or none of it and every problem is listed.")
    @APIResponseSchema(value = EnvironmentImportService.Imported.class, responseCode = "201", responseDescription = "Everything stored; Location names the environment")
    public Response importEnvironment(EnvironmentDocument document) {
        EnvironmentImportService.Imported imported = imports.importEnvironment(document);
        return Response.created(URI.create("/api/environments/" + imported.environment().id()))
                .entity(imported).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List environments", description = "Sorted by name.")
    public Page<EnvironmentView> list(
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return service.list(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one environment")
    public EnvironmentView get(@PathParam("id") String id) {
        return service.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a environment", description = "The name must be unique.")
    @APIResponseSchema(value = EnvironmentView.class, responseCode = "201", responseDescription = "The environment; Location names it")
    public Response register(@Valid @NotNull EnvironmentRequest request) {
        EnvironmentView created = service.register(request);
        return Response.created(URI.create("/api/environments/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace the description of a environment")
    public EnvironmentView update(@PathParam("id") String id, @Valid @NotNull EnvironmentRequest request) {
        return service.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a environment", description = "Refused with 409 while anything still refers to it.")
    public void remove(@PathParam("id") String id) {
        service.remove(id);
    }
}
