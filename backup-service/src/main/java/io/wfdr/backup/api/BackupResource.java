package io.wfdr.backup.api;

import java.net.URI;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.backup.service.BackupOperations;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

@Path("/api")
@Tag(name = "Backups", description = "On-demand backups, their operations, and the T-SQL they run")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BackupResource {

    private final BackupOperations operations;

    BackupResource(BackupOperations operations) {
        this.operations = operations;
    }

    @POST
    @Path("/backups")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Back a database up now", description = "202 with the operation's Location. Send an "
            + "Idempotency-Key: a retried request with the same key gets the first operation back, not a second backup.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Copy-only full of TFLOWF",
            value = "{\"databaseId\": \"<database id>\", \"type\": \"FULL\", \"copyOnly\": true}")))
    @APIResponseSchema(value = OperationView.class, responseCode = "202",
            responseDescription = "The backup operation; Location names it, follow it there")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request; "
            + "nothing was started")
    public Response backUp(@Valid @NotNull BackupRequestBody request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        BackupOperations.Accepted accepted = operations.accept(request, idempotencyKey);
        return Response.accepted(accepted.operation())
                .location(URI.create("/api/operations/" + accepted.operation().id())).build();
    }

    @GET
    @Path("/backups/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The exact T-SQL of a backup, without running it", description = "What POST /api/backups "
            + "would run now for this database, type and copy-only flag, under the database's policy.")
    public String script(@QueryParam("databaseId") @NotBlank String databaseId,
            @QueryParam("type") @NotNull BackupType type,
            @QueryParam("copyOnly") @DefaultValue("false") boolean copyOnly) {
        return operations.script(databaseId, type, copyOnly);
    }

    @GET
    @Path("/operations")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Backup operations, newest first", description = "For pipelines that poll: filter by "
            + "database, status, run type and creation time (ISO-8601, e.g. 2026-12-01T00:00:00Z); paged.")
    public io.wfdr.spine.api.Page<OperationView> operations(@QueryParam("databaseId") String databaseId,
            @QueryParam("status") io.wfdr.backup.domain.OperationStatus status,
            @QueryParam("type") BackupType type,
            @QueryParam("since") java.time.Instant since,
            @QueryParam("page") @DefaultValue("0") @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(500) int size) {
        return operations.list(databaseId, status, type, since, page, size);
    }

    @GET
    @Path("/operations/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A backup operation", description = "Status, percent done (SQL Server's STATS), the T-SQL, "
            + "and SQL Server's message when it failed.")
    public OperationView operation(@PathParam("id") String id) {
        return operations.get(id);
    }
}
