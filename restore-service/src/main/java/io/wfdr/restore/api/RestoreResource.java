package io.wfdr.restore.api;

import java.net.URI;
import java.util.function.Function;

import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.service.RunbookControl;
import io.wfdr.restore.service.RunbookEngine;
import io.wfdr.restore.service.RunbookQueries;
import io.wfdr.restore.service.RunbookRequests;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

@Path("/api/restores")
@Tag(name = "Restores", description = "Durable runbooks that carry out the guide's database recovery step by step")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RestoreResource {

    private final RunbookRequests requests;
    private final RunbookQueries queries;
    private final RunbookControl control;
    private final RunbookEngine engine;

    RestoreResource(RunbookRequests requests, RunbookQueries queries, RunbookControl control, RunbookEngine engine) {
        this.requests = requests;
        this.queries = queries;
        this.control = control;
        this.engine = engine;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Restore a database on the DR site", description = "A database-recovery runbook from a plan "
            + "(planId) or the plan's inputs (plan): DR iProcess Engine online, preflight, the RESTORE chain under the "
            + "new name, tfwfowner/tfwfuser, orphaned users, ... Every step checks before it acts and verifies after. "
            + "202 with the runbook's Location. It waits for an approver when it replaces a database, takes "
            + "production's own name or lands on a production server. A retried request with the same "
            + "Idempotency-Key gets the first runbook back.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "TFLOWF as TFLOWF_DR for INC-4711",
            value = "{\"plan\": {\"databaseId\": \"<TFLOWF id>\", \"pointInTime\": \"latest\"}, \"ticketId\": "
                    + "\"INC-4711\", \"reason\": \"production database server lost\", \"connection\": "
                    + "{\"loginId\": \"<DR SQL Server login id>\"}}")))
    @APIResponseSchema(value = RunbookView.class, responseCode = "202",
            responseDescription = "The runbook; Location names it, follow it there")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request, the "
            + "point in time cannot be reached, or the inventory lacks what the runbook needs; nothing was started")
    public Response restore(@Valid @NotNull RestoreRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        RunbookRequests.Accepted accepted = requests.request(request, idempotencyKey);
        if (accepted.created() && accepted.runbook().status == RunbookStatus.QUEUED) {
            engine.kick(accepted.runbook().id);
        }
        return Response.accepted(queries.get(accepted.runbook().id))
                .location(URI.create("/api/restores/" + accepted.runbook().id)).build();
    }

    @POST
    @Path("/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Everything a restore would run, without running it", description = "The same body as POST "
            + "/api/restores: every step's T-SQL, PowerShell and commands in order, as the runbook would run them now; "
            + "nothing is stored, nothing runs. Passwords appear only as their references.")
    public String scriptOnly(@Valid @NotNull RestoreRequest request) {
        return queries.script(requests.draft(request));
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Runbooks, newest first")
    public Page<RunbookView> list(@QueryParam("status") RunbookStatus status,
            @QueryParam("ticketId") @Size(max = 100) String ticketId,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return queries.list(status, ticketId, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A runbook", description = "Its status, each step's state and outcome, progress and ETA.")
    public RunbookView get(@PathParam("id") String id) {
        return queries.get(id);
    }

    @GET
    @Path("/{id}/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Everything the runbook will run, in order", description = "Each step's T-SQL statements, "
            + "PowerShell scripts and commands, before anything runs; passwords appear only as their references.")
    public String script(@PathParam("id") String id) {
        return queries.script(id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.APPROVER)
    @RequestBody(required = false)
    @Operation(summary = "Approve a runbook", description = "By an approver who is not its requester; it then runs. "
            + "A change to the runbook after approval voids it.")
    public RunbookView approve(@PathParam("id") String id, @Valid ApprovalRequest request) {
        return act(id, r -> control.approve(id, request == null ? null : request.note()));
    }

    @jakarta.ws.rs.PUT
    @Path("/{id}/options")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Change a runbook's options", description = "DBCC CHECKDB mode, restoring over an existing "
            + "database; only while no step runs. A change after approval voids it: an approver must agree again.")
    public RunbookView change(@PathParam("id") String id, @Valid @NotNull RunbookOptions options) {
        return act(id, r -> control.change(id, options));
    }

    @POST
    @Path("/{id}/pause")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pause a runbook", description = "A running one stops at its next safe point.")
    public RunbookView pause(@PathParam("id") String id) {
        return act(id, r -> control.pause(id));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resume a paused runbook")
    public RunbookView resume(@PathParam("id") String id) {
        return act(id, r -> control.resume(id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Cancel a runbook", description = "A running one stops at its next safe point; what was "
            + "done stays done.")
    public RunbookView cancel(@PathParam("id") String id) {
        return act(id, r -> control.cancel(id));
    }

    @POST
    @Path("/{id}/steps/{number}/retry")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Retry the failed step", description = "From its check: what is already done is not done "
            + "again.")
    public RunbookView retry(@PathParam("id") String id, @PathParam("number") int number) {
        return act(id, r -> control.retry(id, number));
    }

    @POST
    @Path("/{id}/steps/{number}/skip")
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "Skip the current step", description = "An approver, with the reason; of a failed, paused or "
            + "waiting runbook.")
    public RunbookView skip(@PathParam("id") String id, @PathParam("number") int number,
            @Valid @NotNull StepDecision decision) {
        return act(id, r -> control.skip(id, number, decision.note()));
    }

    @POST
    @Path("/{id}/steps/{number}/complete")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Complete a manual step", description = "The operator says what was done by hand.")
    public RunbookView complete(@PathParam("id") String id, @PathParam("number") int number,
            @Valid @NotNull StepDecision decision) {
        return act(id, r -> control.complete(id, number, decision.note()));
    }

    private RunbookView act(String id, Function<String, Runbook> change) {
        Runbook changed = change.apply(id);
        if (changed.status == RunbookStatus.QUEUED) {
            engine.kick(id);
        }
        return queries.get(id);
    }
}
