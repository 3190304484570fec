package io.wfdr.spine.outbox;

import java.time.Clock;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.config.SpineConfig;
import io.wfdr.spine.events.EventType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits, and then
 * surely: the {@link OutboxRelay} publishes it, after a broker outage too.
 */
@ApplicationScoped
public class EventOutbox {

    private final ObjectMapper json;
    private final Clock clock;
    private final SpineConfig config;

    EventOutbox(ObjectMapper json, Clock clock, SpineConfig config) {
        this.json = json;
        this.clock = clock;
        this.config = config;
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
        message.persist();
        return message.eventId;
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
