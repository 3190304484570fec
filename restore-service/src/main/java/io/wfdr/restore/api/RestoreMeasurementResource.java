package io.wfdr.restore.api;

import java.net.URI;

import io.wfdr.restore.domain.RestoreMeasurement;
import io.wfdr.restore.service.RestoreThroughputs;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/servers/{id}")
@Tag(name = "Restore throughput", description = "Timed restores per SQL Server, which plans predict their duration from")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestoreMeasurementResource {

    private final RestoreThroughputs throughputs;

    RestoreMeasurementResource(RestoreThroughputs throughputs) {
        this.throughputs = throughputs;
    }

    @POST
    @Path("/restore-measurements")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Record a timed restore", description = "A drill, or a restore a DBA ran by hand on this "
            + "server: the backup's type and size on disk, the RESTORE's seconds (SQL Server prints them: \"RESTORE "
            + "DATABASE successfully processed … pages in … seconds\"). Plans made after it use the server's "
            + "throughput from its ten most recent restores of each kind.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "A drill's full restore", value = """
            {"backupType": "FULL", "bytes": 48318382080, "seconds": 512, "finishedAt": "2026-11-28T03:12:00Z",
             "source": "DRILL", "note": "November DR drill"}""")))
    @APIResponseSchema(value = RestoreMeasurement.class, responseCode = "201",
            responseDescription = "The measurement; Location names it")
    public Response record(@PathParam("id") String serverId, @Valid @NotNull MeasurementRequest request) {
        RestoreMeasurement measurement = throughputs.record(serverId, request);
        return Response.created(URI.create("/api/servers/" + serverId + "/restore-measurements/" + measurement.id))
                .entity(measurement).build();
    }

    @GET
    @Path("/restore-measurements")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Timed restores on this server, newest first")
    public Page<RestoreMeasurement> list(@PathParam("id") String serverId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return throughputs.list(serverId, page, size);
    }

    @GET
    @Path("/restore-measurements/{measurementId}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One timed restore")
    public RestoreMeasurement get(@PathParam("id") String serverId, @PathParam("measurementId") String id) {
        return throughputs.get(serverId, id);
    }

    @GET
    @Path("/restore-throughput")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The server's restore throughput as plans use it", description = "Bytes per second of full "
            + "and differential restores and the median seconds per log restore, from the ten most recent of each; "
            + "the documented defaults where nothing was measured (measured false).")
    public ThroughputView throughput(@PathParam("id") String serverId) {
        return throughputs.view(serverId);
    }
}
