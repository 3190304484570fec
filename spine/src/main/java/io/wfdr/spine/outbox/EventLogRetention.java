package io.wfdr.spine.outbox;

import java.time.Clock;
import java.time.Instant;

import io.quarkus.scheduler.Scheduled;
import io.wfdr.spine.config.SpineConfig;
import io.wfdr.spine.inbox.InboxMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Keeps the outbox and the inbox from growing without end: published outbox messages are kept for
 * {@code wfdr.events.outbox.retention}, inbox entries (the memory of applied event ids) for
 * {@code wfdr.events.inbox.retention}, which must outlast any redelivery a consumer can still see.
 */
@ApplicationScoped
public class EventLogRetention {

    private static final Logger LOG = Logger.getLogger(EventLogRetention.class);

    private final SpineConfig config;
    private final Clock clock;

    EventLogRetention(SpineConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant now = clock.instant();
        long outbox = OutboxMessage.delete("publishedAt < ?1", now.minus(config.outbox().retention()));
        long inbox = InboxMessage.delete("processedAt < ?1", now.minus(config.inbox().retention()));
        long keys = OutboxKey.delete("key not in (select m.key from OutboxMessage m)");
        if (outbox + inbox > 0) {
            LOG.infof("Purged %d published outbox messages, %d inbox entries past retention and %d unused outbox keys",
                    outbox, inbox, keys);
        }
    }
}
