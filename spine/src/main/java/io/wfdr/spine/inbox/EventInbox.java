package io.wfdr.spine.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.config.SpineConfig;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.MalformedEventException;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import io.wfdr.spine.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: an event is applied at most once per consumer, because the record of having
 * applied it commits in the same transaction as the work. A message that cannot be read, or that the handler
 * rejects as malformed, is thrown back at once so the channel's dead-letter strategy parks it; other failures
 * are retried a few times first.
 */
@ApplicationScoped
public class EventInbox {

    private static final Logger LOG = Logger.getLogger(EventInbox.class);

    private final ObjectMapper json;
    private final Clock clock;
    private final SpineConfig config;
    private final Tracer tracer;

    EventInbox(ObjectMapper json, Clock clock, SpineConfig config, Tracer tracer) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.tracer = tracer;
    }

    /**
     * A command, audited like the REST call it mirrors: its record (the sending service, the requesting actor, the
     * type, the subject's id, the ticket) commits with its change. A command from a service this one does not
     * accept commands from, or that names no actor, is refused, as is one the handler refuses with the problem its
     * REST call would answer (conflict, not found, invalid, unprocessable): the refusal is audited and published
     * through {@code refusal} in the same transaction, so the asker always learns why.
     *
     * @param subjectField the data field naming what the command is about, e.g. {@code pairId}
     * @return true if the command was handled now (applied or refused), false if this consumer had handled it before
     */
    public boolean receiveCommand(String consumer, ConsumerRecord<String, String> record, String subjectField,
            Consumer<IncomingEvent> handler, CommandRefusal refusal) {
        IncomingEvent command = read(record);
        return inTraceOf(consumer, record, command, () -> receiveCommand(consumer, record, command, subjectField,
                handler, refusal));
    }

    private boolean receiveCommand(String consumer, ConsumerRecord<String, String> record, IncomingEvent command,
            String subjectField, Consumer<IncomingEvent> handler, CommandRefusal refusal) {
        ManagedContext requests = Arc.container().requestContext();
        boolean ours = !requests.isActive();
        if (ours) {
            requests.activate();
        }
        try {
            AuditContext.current().command(command.requestId() != null ? command.requestId() : command.id(),
                    CommandOrigin.sender(command), command.actor(), command.type(), record.topic(),
                    text(command, subjectField), text(command, "ticketId"));
            List<String> senders = config.commands().senders().orElse(List.of());
            return receive(consumer, command, c -> {
                try {
                    CommandOrigin.check(c, senders);
                    handler.accept(c);
                } catch (ConflictProblem | NotFoundProblem | InvalidRequestProblem | UnprocessableProblem refused) {
                    AuditContext.current().commandRefused();
                    refusal.publish(c, text(c, subjectField), refused.getMessage());
                }
            });
        } finally {
            if (ours) {
                requests.terminate();
            }
        }
    }

    private static String text(IncomingEvent command, String field) {
        var value = command.data().get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    /** @return true if the event was applied now, false if this consumer had applied it before */
    public boolean receive(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event = read(record);
        return inTraceOf(consumer, record, event, () -> receive(consumer, event, handler));
    }

    /**
     * The work on a message continues the trace its {@code traceparent} header names (the trace of the call whose
     * change the event records): its log lines, its audit record and the events it causes carry that trace id.
     */
    private boolean inTraceOf(String consumer, ConsumerRecord<String, String> record, IncomingEvent event,
            Supplier<Boolean> work) {
        Span span = tracer.spanBuilder("process " + record.topic()).setSpanKind(SpanKind.CONSUMER)
                .setParent(Traces.fromHeaders(record.headers()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.consumer.group.name", consumer)
                .setAttribute("messaging.message.id", event.id())
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, String.valueOf(e.getMessage()));
            throw e;
        } finally {
            span.end();
        }
    }

    /** A message that cannot be read as a CloudEvent is given up at once. */
    private IncomingEvent read(ConsumerRecord<String, String> record) {
        try {
            return IncomingEvent.from(record, json);
        } catch (MalformedEventException e) {
            throw new GivenUp(1, clock.instant(), e);
        }
    }

    /**
     * Applies the event once; a transient failure (the database down or busy) is retried with a growing pause until
     * it passes, holding the partition so later messages keep their order; any other failure is retried a few times
     * and then thrown, to the dead-letter topic.
     */
    private boolean receive(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        Instant firstFailure = null;
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(consumer, event, handler);
            } catch (MalformedEventException e) {
                throw new GivenUp(attempt, firstFailure == null ? clock.instant() : firstFailure, e);
            } catch (RuntimeException e) {
                firstFailure = firstFailure == null ? clock.instant() : firstFailure;
                boolean transientFailure = TransientFailures.isTransient(e);
                if (!transientFailure && attempt >= config.inbox().attempts()) {
                    throw new GivenUp(attempt, firstFailure, e);
                }
                LOG.warnf("Attempt %d to apply %s %s in %s failed%s: %s", attempt, event.type(), event.id(), consumer,
                        transientFailure ? " for a transient reason, retried until it passes" : "", e.getMessage());
                pause(attempt);
            }
        }
    }

    private boolean applyOnce(String consumer, IncomingEvent event, Consumer<IncomingEvent> handler) {
        return QuarkusTransaction.requiringNew().call(() -> {
            AuditContext call = AuditContext.current();
            if (call != null) {
                call.newAttempt();
            }
            if (InboxMessage.isProcessed(consumer, event.id())) {
                if (call != null) {
                    call.alreadyApplied();
                }
                return false;
            }
            handler.accept(event);
            InboxMessage processed = new InboxMessage();
            processed.consumer = consumer;
            processed.eventId = event.id();
            processed.type = event.type();
            processed.processedAt = clock.instant();
            processed.persist();
            return true;
        });
    }

    /** The backoff doubled for each attempt, up to the configured maximum. */
    private void pause(int attempt) {
        long pause = Math.min(config.inbox().maxBackoff().toMillis(),
                config.inbox().backoff().toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
