package io.wfdr.spine.audit;

import java.time.Instant;
import java.util.List;

/** Filters of the audit trail; each one given narrows it. */
public record AuditQuery(String actor, String resourceId, String requestId, String traceId, String ticketId,
        AuditRecord.Outcome outcome, String action, Instant from, Instant to) {

    void conditions(List<String> where, List<Object> values) {
        add(where, values, "(actorSubject = ?N or actorName = ?N)", actor);
        add(where, values, "resourceId = ?N", resourceId);
        add(where, values, "requestId = ?N", requestId);
        add(where, values, "traceId = ?N", traceId);
        add(where, values, "ticketId = ?N", ticketId);
        add(where, values, "outcome = ?N", outcome);
        add(where, values, "action = ?N", action);
        add(where, values, "recordedAt >= ?N", from);
        add(where, values, "recordedAt < ?N", to);
    }

    private static void add(List<String> where, List<Object> values, String condition, Object value) {
        if (value != null) {
            values.add(value);
            where.add(condition.replace("?N", "?" + values.size()));
        }
    }
}
