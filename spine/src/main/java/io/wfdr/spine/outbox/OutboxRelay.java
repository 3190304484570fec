package io.wfdr.spine.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.config.SpineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages to Kafka, each key's in the order its writers committed, then marks them
 * published. A pass runs as soon as a transaction that wrote the outbox commits, and every poll interval as the
 * safety net; passes never overlap. Each message is marked by its own outcome: what Kafka took is published, what it
 * refused for good is parked with its reason (the later events of its key wait behind it; it is tried again after
 * {@code wfdr.events.outbox.parked-retry}), what could not be sent (Kafka away) stays pending. A message can reach
 * Kafka twice (sent, then the mark failed): consumers are idempotent by event id. The row lock keeps two instances
 * of a service from relaying the same batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String HELD = "an earlier event of its key was not delivered";

    private final KafkaEventPublisher publisher;
    private final SpineConfig config;
    private final Clock clock;
    private final Counter passes;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile String lastFailure;

    OutboxRelay(KafkaEventPublisher publisher, SpineConfig config, Clock clock, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        this.passes = registry.counter("wfdr_outbox_relay_passes");
        registry.gauge("wfdr_outbox_pending", this, relay -> relay.read(OutboxRelay::pending));
        registry.gauge("wfdr_outbox_parked", this, relay -> relay.read(OutboxRelay::parked));
        registry.gauge("wfdr_outbox_oldest_pending_seconds", this, relay -> relay.read(relay::oldestPendingSeconds));
    }

    /** Asks for a pass soon: one is run after the current pass if one is running, never two at once. */
    public void wake() {
        again.set(true);
        if (!worker.isShutdown() && running.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    @Scheduled(every = "${wfdr.events.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void drain() {
        try {
            while (again.getAndSet(false)) {
                relay();
            }
        } finally {
            running.set(false);
            if (again.get() && !worker.isShutdown() && running.compareAndSet(false, true)) {
                worker.execute(this::drain);
            }
        }
    }

    void relay() {
        try {
            Pass pass;
            do {
                pass = relayOneBatch();
            } while (pass.selected() == config.outbox().batchSize() && pass.progressed());
            reportFailure(pass.failure());
        } catch (RuntimeException e) {
            reportFailure(e.getMessage());
        } finally {
            passes.increment();
        }
    }

    private void reportFailure(String failure) {
        if (failure != null && lastFailure == null) {
            LOG.warnf("Outbox relay cannot publish, pending events stay in the outbox and are retried: %s", failure);
        } else if (failure == null && lastFailure != null) {
            LOG.info("Outbox relay publishes again");
        }
        lastFailure = failure;
    }

    /** One page of pending messages: how many were selected, whether any was settled, a passing failure if any. */
    record Pass(int selected, boolean progressed, String failure) {
    }

    Pass relayOneBatch() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Instant now = clock.instant();
            List<OutboxMessage> selected = OutboxMessage.<OutboxMessage>find("from OutboxMessage m "
                    + "where m.publishedAt is null and (m.parkedAt is null or m.retryAt <= ?1) "
                    + "and m.key not in (select p.key from OutboxMessage p where p.publishedAt is null "
                    + "and p.parkedAt is not null and p.retryAt > ?1) order by m.sequenceNumber", now)
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .page(0, config.outbox().batchSize())
                    .list();
            if (selected.isEmpty()) {
                return new Pass(0, false, null);
            }
            List<OutboxMessage> batch = sendable(selected);
            List<SendOutcome> outcomes = publisher.publishAll(batch);
            boolean progressed = false;
            String failure = null;
            for (int i = 0; i < batch.size(); i++) {
                SendOutcome outcome = outcomes.get(i);
                switch (outcome.result()) {
                    case DELIVERED -> batch.get(i).publishedAt = now;
                    case REFUSED -> park(batch.get(i), outcome.reason(), now);
                    case NOT_SENT -> failure = failure != null || HELD.equals(outcome.reason()) ? failure
                            : outcome.reason();
                }
                progressed |= outcome.result() != SendOutcome.Result.NOT_SENT;
            }
            return new Pass(selected.size(), progressed, failure);
        });
    }

    /** A parked message that is due goes alone: its key's later messages wait to see whether it passes now. */
    private static List<OutboxMessage> sendable(List<OutboxMessage> selected) {
        Set<String> retried = new HashSet<>();
        List<OutboxMessage> batch = new ArrayList<>(selected.size());
        for (OutboxMessage message : selected) {
            if (retried.contains(message.key)) {
                continue;
            }
            if (message.parkedAt != null) {
                retried.add(message.key);
            }
            batch.add(message);
        }
        return batch;
    }

    private void park(OutboxMessage message, String reason, Instant now) {
        if (message.parkedAt == null) {
            message.parkedAt = now;
        }
        message.parkReason = reason.length() <= 1000 ? reason : reason.substring(0, 1000);
        message.retryAt = now.plus(config.outbox().parkedRetry());
        LOG.warnf("Outbox event %s (%s, key %s) is parked since %s: Kafka refused it for good (%s). The later events "
                + "of its key wait behind it; it is tried again at %s", message.eventId, message.type, message.key,
                message.parkedAt, message.parkReason, message.retryAt);
    }

    /** What waits in the outbox: pending messages (parked ones included), parked ones, the oldest pending's age. */
    public record Backlog(long pending, long parked, long oldestPendingSeconds, List<Parked> parkedEvents) {
    }

    /** A parked event, as the health details show it. */
    public record Parked(String eventId, String type, String topic, String key, Instant parkedAt, String reason) {
    }

    public Backlog backlog() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> new Backlog(pending(), parked(), oldestPendingSeconds(),
                    OutboxMessage.<OutboxMessage>find("publishedAt is null and parkedAt is not null "
                            + "order by sequenceNumber").page(0, 5).list().stream()
                            .map(m -> new Parked(m.eventId, m.type, m.topic, m.key, m.parkedAt, m.parkReason))
                            .toList()));
        } catch (RuntimeException e) {
            return new Backlog(-1, -1, -1, List.of());
        }
    }

    /** One figure for a gauge, read in its own transaction; -1 when the database cannot be read. */
    private long read(LongSupplier figure) {
        try {
            return QuarkusTransaction.requiringNew().call(figure::getAsLong);
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static long pending() {
        return OutboxMessage.count("publishedAt is null");
    }

    private static long parked() {
        return OutboxMessage.count("publishedAt is null and parkedAt is not null");
    }

    private long oldestPendingSeconds() {
        OutboxMessage oldest = OutboxMessage.<OutboxMessage>find("publishedAt is null order by sequenceNumber")
                .firstResult();
        return oldest == null ? 0 : Math.max(0, Duration.between(oldest.occurredAt, clock.instant()).toSeconds());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        worker.shutdown();
        worker.awaitTermination(20, TimeUnit.SECONDS);
    }
}
