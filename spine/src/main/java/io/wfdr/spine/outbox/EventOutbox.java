package io.wfdr.spine.outbox;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.config.SpineConfig;
import io.wfdr.spine.events.EventType;
import io.wfdr.spine.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and then
 * surely: the {@link OutboxRelay} publishes it, after a broker outage too.
 */
@ApplicationScoped
public class EventOutbox {

    private static final String RELAY_WOKEN = EventOutbox.class.getName() + ".relayWoken";

    private final ObjectMapper json;
    private final Clock clock;
    private final SpineConfig config;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    EventOutbox(ObjectMapper json, Clock clock, SpineConfig config, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.json = json;
        this.clock = clock;
        this.config = config;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * @param topic       the topic, see {@link io.wfdr.spine.events.Topics}
     * @param aggregateId the message key: events of one aggregate stay in order
     * @param subject     the CloudEvents subject, what the event is about in words a reader can filter on
     * @param payload     an immutable payload whose class carries {@link EventType}
     * @return the CloudEvents id given to the event
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String record(String topic, String aggregateId, String subject, Object payload) {
        return record(topic, aggregateId, subject, typeOf(payload), payload);
    }

    /**
     * For a family of events that share one payload contract, e.g. {@code wfdr.inventory.server.updated.v1}
     * carrying the server's public view: the type is given, not read from the payload class.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String record(String topic, String aggregateId, String subject, String type, Object payload) {
        lockKey(aggregateId);
        OutboxMessage message = new OutboxMessage();
        message.eventId = UUID.randomUUID().toString();
        message.topic = topic;
        message.key = aggregateId;
        message.type = type;
        message.source = config.source();
        message.subject = subject;
        message.occurredAt = clock.instant();
        message.payload = serialize(payload);
        AuditContext call = AuditContext.current();
        message.actor = call == null || call.actor() == null ? "system:" + config.source() : call.actor();
        message.requestId = call == null ? null : call.requestId();
        message.traceparent = Traces.currentTraceparent();
        message.persist();
        wakeRelayOnCommit();
        return message.eventId;
    }

    /** The relay publishes as soon as the transaction commits, not at its next poll. */
    private void wakeRelayOnCommit() {
        if (transactions.getResource(RELAY_WOKEN) != null) {
            return;
        }
        transactions.putResource(RELAY_WOKEN, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }

    /**
     * Waits for any other open transaction writing this key and holds the key until this one ends: the event's
     * sequence number, drawn after the lock, then follows the order in which the key's writers commit.
     */
    private static void lockKey(String key) {
        if (OutboxKey.findById(key, LockModeType.PESSIMISTIC_WRITE) == null) {
            createKey(key);
            OutboxKey.findById(key, LockModeType.PESSIMISTIC_WRITE);
        }
    }

    /** In a transaction of its own, so the caller's can lock it; a writer that created it at the same time wins. */
    private static void createKey(String key) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                OutboxKey created = new OutboxKey();
                created.key = key;
                created.persist();
            });
        } catch (RuntimeException e) {
            if (QuarkusTransaction.requiringNew().call(() -> OutboxKey.findById(key)) == null) {
                throw e;
            }
        }
    }

    static String typeOf(Object payload) {
        EventType type = payload.getClass().getAnnotation(EventType.class);
        if (type == null) {
            throw new IllegalArgumentException(payload.getClass().getName() + " is not annotated with @EventType");
        }
        return type.value();
    }

    private String serialize(Object payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload cannot be written as JSON: " + payload.getClass(), e);
        }
    }
}
