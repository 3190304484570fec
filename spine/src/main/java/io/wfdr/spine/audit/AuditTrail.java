package io.wfdr.spine.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.api.Page;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * The audit trail: a change's record joins the transaction of the change ({@link AuditInTransaction}); the outcome
 * of every audited call, and every denied one, is completed here in a transaction of its own.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final Clock clock;
    private final AuditConfig config;
    private final Queue<Success> successes = new ConcurrentLinkedQueue<>();

    private record Success(String recordId, int status, String resourceId) {
    }

    AuditTrail(Clock clock, AuditConfig config) {
        this.clock = clock;
        this.config = config;
    }

    /** Writes the context's record in the caller's transaction, with the outcome not known yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    void recordCommitted(AuditContext.Call call) {
        boolean command = call.channel == AuditRecord.Channel.KAFKA;
        AuditRecord record = record(call, null, command ? call.commandOutcome : AuditRecord.Outcome.COMMITTED);
        record.persist();
        call.recordId = record.id;
    }

    /**
     * The call's outcome: completes the record its change wrote, or writes one (a refusal, a denial, a failure). A
     * success whose record already committed with its change is completed in the next batch, not while its caller
     * waits; until then (and for good, if the service stops first) it reads COMMITTED, which is true.
     */
    void complete(AuditContext.Call call, int status) {
        call.completing = true;
        if (call.recordId != null && status < 400) {
            successes.add(new Success(call.recordId, status, call.resourceId));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            AuditRecord.Outcome outcome = AuditRecord.Outcome.of(status);
            String written = call.recordId;
            long completed = written == null ? 0 : AuditRecord.update("status = ?1, outcome = ?2, resourceId = ?3 "
                    + "where id = ?4", status, outcome, call.resourceId, written);
            if (completed == 0) {
                record(call, status, outcome).persist();
            }
        });
    }

    /** Writes the statuses of successes answered since the last batch, in one transaction. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void completeSuccesses() {
        List<Success> batch = new ArrayList<>();
        for (Success next = successes.poll(); next != null && batch.size() < 1000; next = successes.poll()) {
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> batch.forEach(done -> AuditRecord.update(
                    "status = ?1, outcome = ?2, resourceId = ?3 where id = ?4", done.status(),
                    AuditRecord.Outcome.SUCCEEDED, done.resourceId(), done.recordId())));
        }
    }

    /** Before the database goes away with the service, the statuses still waiting are written. */
    void completeBeforeStopping(@Observes ShutdownEvent stopping) {
        try {
            while (!successes.isEmpty()) {
                completeSuccesses();
            }
        } catch (RuntimeException e) {
            LOG.warnf("%d audit records keep the outcome COMMITTED without their status: %s", successes.size(),
                    e.getMessage());
        }
    }

    /**
     * A step of work the service does on a requester's behalf (a runbook step starting or ending), written in the
     * caller's transaction, so the step's stored state and its record commit together.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWork(WorkStep step) {
        recordWork(step, AuditRecord.Channel.RUNBOOK);
    }

    /** A step of other long-running work (a snapshot operation's end), on the channel it belongs to. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWork(WorkStep step, AuditRecord.Channel channel) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID().toString();
        record.recordedAt = Instant.now(clock);
        record.requestId = step.requestId();
        record.traceId = step.traceId();
        record.channel = channel;
        record.actorSubject = step.actorSubject();
        record.actorName = step.actorName();
        record.action = step.action();
        record.target = step.target();
        record.resourceId = step.resourceId();
        record.ticketId = step.ticketId();
        record.outcome = step.outcome();
        record.detail = step.detail() == null || step.detail().length() <= 4000 ? step.detail()
                : step.detail().substring(0, 3997) + "...";
        record.persist();
    }

    /**
     * What a work step's record says: on whose behalf (the requester), what ({@code runbook.step.started}), where
     * ({@code /api/restores/{id}/steps/4}), the runbook's id and ticket, the outcome and the detail in words.
     */
    public record WorkStep(String actorSubject, String actorName, String action, String target, String resourceId,
            String ticketId, AuditRecord.Outcome outcome, String detail, String requestId, String traceId) {
    }

    @Transactional
    public Page<AuditRecord> find(AuditQuery query, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        query.conditions(where, values);
        String condition = where.isEmpty() ? "" : String.join(" and ", where);
        long total = condition.isEmpty() ? AuditRecord.count() : AuditRecord.count(condition, values.toArray());
        List<AuditRecord> items = (long) page * size >= total ? List.of()
                : AuditRecord.<AuditRecord>find((condition.isEmpty() ? "" : condition + " ")
                        + "order by recordedAt desc, id", values.toArray()).page(page, size).list();
        return new Page<>(items, page, size, total);
    }

    @Scheduled(every = "24h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        long purged = AuditRecord.delete("recordedAt < ?1", clock.instant().minus(config.retention()));
        if (purged > 0) {
            LOG.infof("Purged %d audit records older than %s", purged, config.retention());
        }
    }

    private AuditRecord record(AuditContext.Call call, Integer status, AuditRecord.Outcome outcome) {
        AuditRecord record = new AuditRecord();
        record.id = UUID.randomUUID().toString();
        record.recordedAt = Instant.now(clock);
        record.requestId = call.requestId;
        record.traceId = call.traceId;
        record.channel = call.channel;
        record.actorSubject = call.actorSubject;
        record.actorName = call.actorName;
        record.principal = call.principal;
        record.action = call.action == null ? "?" : call.action;
        record.target = call.target == null ? "?" : call.target;
        record.resourceId = call.resourceId;
        record.ticketId = call.ticketId;
        record.status = status;
        record.outcome = outcome;
        return record;
    }
}
