package io.wfdr.inventory.api;

import java.net.URI;

import io.wfdr.inventory.domain.DriftReport;
import io.wfdr.inventory.domain.PairStatus;
import io.wfdr.inventory.service.DriftService;
import io.wfdr.inventory.service.FailoverService;
import io.wfdr.inventory.service.PairService;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/pairs")
@Tag(name = "Pairs", description = "Production / DR server pairs, their drift, failover and failback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PairResource {

    private final PairService pairs;
    private final DriftService drift;
    private final FailoverService failover;

    PairResource(PairService pairs, DriftService drift, FailoverService failover) {
        this.pairs = pairs;
        this.drift = drift;
        this.failover = failover;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List pairs", description = "Filter by environment, drift and status.")
    public Page<PairView> list(@QueryParam("environmentId") String environmentId,
            @QueryParam("drifted") Boolean drifted, @QueryParam("status") PairStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return pairs.list(environmentId, drifted, status, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one pair")
    public PairView get(@PathParam("id") String id) {
        return pairs.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pair a production server with its DR server", description = "Same roles, production "
            + "site and DR site of one environment; each server in at most one pair.")
    @APIResponseSchema(value = PairView.class, responseCode = "201", responseDescription = "The pair; Location names it")
    public Response pair(@Valid @NotNull PairRequest request) {
        PairView created = pairs.pair(request);
        return Response.created(URI.create("/api/pairs/" + created.id())).entity(created).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Unpair", description = "Refused with 409 while the pair has failed over.")
    public void unpair(@PathParam("id") String id) {
        pairs.unpair(id);
    }

    @GET
    @Path("/{id}/drift")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Drift of the DR server from its production server",
            description = "TRANSFLO / Workflow versions, and every process and form production has.")
    public DriftReport drift(@PathParam("id") String id) {
        return drift.report(id);
    }

    @POST
    @Path("/{id}/failover")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Fail over to the DR server", description = "The DR server goes online under the "
            + "production server's name (the rename is recorded); the production server is marked failed.")
    public PairView failOver(@PathParam("id") String id,
            @RequestBody(required = false, description = StateChange.OPTIONAL) @Valid StateChange change) {
        return failover.failOver(id, ServerResource.reason(change, "production machine failure"));
    }

    @POST
    @Path("/{id}/failback")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Fail back to the repaired production server", description = "The production server is "
            + "online again; the DR server takes back its own name and stands by offline.")
    public PairView failBack(@PathParam("id") String id,
            @RequestBody(required = false, description = StateChange.OPTIONAL) @Valid StateChange change) {
        return failover.failBack(id, ServerResource.reason(change, "production server repaired"));
    }
}
