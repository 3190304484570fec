package io.wfdr.spine.audit;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One audited call: who (the token's subject and name; for a Kafka command the authenticated principal and the
 * requesting actor), when, what (method or command, the path template, the resource, the ticket) and the outcome.
 * Every field is a column of its own, so no value, whatever CR/LF or control characters it holds, can make a second
 * record.
 */
@Entity
@Table(name = "audit_record")
public class AuditRecord extends PanacheEntityBase {

    /** How the call came in; RUNBOOK for a step of long-running work the service does on a requester's behalf. */
    public enum Channel { REST, KAFKA, RUNBOOK, OPERATION }

    /** What came of it. */
    public enum Outcome {
        /** Committed; the response's status is not recorded yet (the service stopped before it answered). */
        COMMITTED,
        /** A runbook step began: its input is in {@code detail}. */
        STARTED,
        /** 2xx. */
        SUCCEEDED,
        /** 4xx other than 401/403: bad input, not found, conflict, unprocessable; nothing changed. */
        REFUSED,
        /** 401 or 403. */
        DENIED,
        /** 5xx. */
        FAILED;

        public static Outcome of(int status) {
            if (status == 401 || status == 403) {
                return DENIED;
            }
            return status >= 500 ? FAILED : status >= 400 ? REFUSED : SUCCEEDED;
        }
    }

    @Id
    public String id;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "request_id", nullable = false)
    public String requestId;

    /** The W3C trace id of the call or command: the same as on its log lines and the events it caused. */
    @Column(name = "trace_id")
    public String traceId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Channel channel;

    @Column(name = "actor_subject")
    public String actorSubject;

    @Column(name = "actor_name")
    public String actorName;

    /** For a Kafka command: the principal the broker authenticated. */
    public String principal;

    /** The HTTP method, or the command's type. */
    @Column(nullable = false)
    public String action;

    /** The path template, e.g. {@code /api/pairs/{id}/failover}, or the command topic. */
    @Column(nullable = false)
    public String target;

    @Column(name = "resource_id")
    public String resourceId;

    @Column(name = "ticket_id")
    public String ticketId;

    public Integer status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;

    /** For a runbook step: its input when it starts, its outcome when it ends, in words (never a secret). */
    public String detail;
}
