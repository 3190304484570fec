package io.wfdr.restore.api;

import java.net.URI;

import io.wfdr.restore.service.RestorePlanning;
import io.wfdr.restore.sqlserver.RestoreScript;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/restore-plans")
@Tag(name = "Restore plans", description = "The exact chain that brings a database back under a new name")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestorePlanResource {

    private final RestorePlanning planning;

    RestorePlanResource(RestorePlanning planning) {
        this.planning = planning;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Plan a restore", description = "The last full, the latest differential on it and the logs "
            + "to the point in time, every stripe from a verified copy (those at the target's site first), a MOVE for "
            + "every file, what is reachable, warnings and the predicted duration. 201 with the plan's Location; 422 "
            + "for a point in time the catalog cannot reach. Nothing runs on a SQL Server.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "TFLOWF as TFLOWF_DR, to 14:05 UTC",
            value = "{\"databaseId\": \"<TFLOWF id>\", \"pointInTime\": \"2026-11-30T14:05:00Z\"}")))
    @APIResponseSchema(value = PlanView.class, responseCode = "201", responseDescription = "The plan; Location names it")
    @APIResponse(responseCode = "422", description = "A point in time the catalog cannot reach; the problem says what "
            + "it reaches")
    public Response plan(@Valid @NotNull PlanRequest request) {
        PlanView view = planning.make(request);
        return Response.created(URI.create("/api/restore-plans/" + view.plan().id())).entity(view).build();
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Restore plans, newest first", description = "Each says whether the catalog has changed "
            + "since it was made (stale).")
    public Page<PlanView> list(@QueryParam("databaseId") String databaseId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return planning.list(databaseId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A restore plan", description = "As it was made; stale when the catalog changed since.")
    public PlanView get(@PathParam("id") String id) {
        return planning.get(id);
    }

    @GET
    @Path("/{id}/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The whole restore as T-SQL", description = "RESTORE DATABASE … WITH NORECOVERY, MOVE …; "
            + "RESTORE LOG … STOPAT; RESTORE DATABASE … WITH RECOVERY — to paste into SSMS on the target.")
    public String script(@PathParam("id") String id) {
        return RestoreScript.of(planning.get(id).plan());
    }
}
