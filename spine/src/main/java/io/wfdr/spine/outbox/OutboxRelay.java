package io.wfdr.spine.outbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.config.SpineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox messages to Kafka in the order they were written, then marks them published.
 * A batch is marked only after Kafka acknowledged all of it; when Kafka is away the batch stays pending and
 * the next pass tries again. A message can reach Kafka twice (sent, then the mark failed): consumers are
 * idempotent by event id. The row lock keeps two instances of a service from relaying the same batch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final KafkaEventPublisher publisher;
    private final SpineConfig config;
    private final Clock clock;
    private volatile boolean lastPassFailed;

    OutboxRelay(KafkaEventPublisher publisher, SpineConfig config, Clock clock, MeterRegistry registry) {
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
        registry.gauge("wfdr_outbox_pending", this, relay -> relay.pendingCount());
    }

    @Scheduled(every = "${wfdr.events.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        try {
            while (relayOneBatch() == config.outbox().batchSize()) {
                // a full batch: there may be more
            }
            if (lastPassFailed) {
                LOG.info("Outbox relay publishes again");
                lastPassFailed = false;
            }
        } catch (Exception e) {
            if (!lastPassFailed) {
                LOG.warnf("Outbox relay cannot publish, pending events stay in the outbox and are retried: %s",
                        e.getMessage());
            }
            lastPassFailed = true;
        }
    }

    /** @return how many messages were published */
    int relayOneBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            List<OutboxMessage> batch = OutboxMessage.<OutboxMessage>find("publishedAt is null order by sequenceNumber")
                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                    .page(0, config.outbox().batchSize())
                    .list();
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishAll(batch, config.outbox().sendTimeout());
            Instant now = clock.instant();
            batch.forEach(message -> message.publishedAt = now);
            return batch.size();
        });
    }

    long pendingCount() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.count("publishedAt is null"));
        } catch (Exception e) {
            return -1;
        }
    }
}
