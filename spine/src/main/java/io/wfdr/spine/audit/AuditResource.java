package io.wfdr.spine.audit;

import java.time.Instant;

import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Tag(name = "Audit trail", description = "Every change and every denied call to this service")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditTrail trail;

    AuditResource(AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    @RolesAllowed(Roles.APPROVER)
    @Operation(summary = "The audit trail, newest first", description = "Every mutating call (REST and Kafka "
            + "command) and every denied call (401, 403): who, when, what (method, path template, resource, ticket), "
            + "the outcome, the request id that the events it caused carry and the trace id of its log lines. Read-only; for approvers and admins.")
    public Page<AuditRecord> find(@QueryParam("actor") @Size(max = 255) String actor,
            @QueryParam("resourceId") @Size(max = 200) String resourceId,
            @QueryParam("requestId") @Size(max = 64) String requestId,
            @QueryParam("traceId") @Size(max = 32) String traceId,
            @QueryParam("ticketId") @Size(max = 100) String ticketId,
            @QueryParam("outcome") AuditRecord.Outcome outcome,
            @QueryParam("action") @Size(max = 200) String action,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return trail.find(new AuditQuery(actor, resourceId, requestId, traceId, ticketId, outcome, action, from, to),
                page, size);
    }
}
