package io.wfdr.spine.outbox;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** An event written in the same transaction as the state change it describes, waiting for the relay. */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_message_seq")
    @SequenceGenerator(name = "outbox_message_seq", sequenceName = "outbox_message_seq", allocationSize = 1)
    @Column(name = "seq_no")
    public Long sequenceNumber;

    @Column(name = "event_id", nullable = false, updatable = false)
    public String eventId;

    @Column(nullable = false, updatable = false)
    public String topic;

    @Column(name = "message_key", nullable = false, updatable = false)
    public String key;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String type;

    @Column(nullable = false, updatable = false)
    public String source;

    @Column(updatable = false)
    public String subject;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    @Column(nullable = false, updatable = false, length = 1_000_000)
    public String payload;

    @Column(name = "published_at")
    public Instant publishedAt;

    /** Who caused the event: the caller's subject, a command's actor, or {@code system:<source>} for the service. */
    @Column(updatable = false)
    public String actor;

    /** When Kafka first refused it for good (null while it is not parked); its key's later events wait behind it. */
    @Column(name = "parked_at")
    public Instant parkedAt;

    /** Why Kafka refused it, the last time it was tried. */
    @Column(name = "park_reason", length = 1000)
    public String parkReason;

    /** When a parked event is tried again. */
    @Column(name = "retry_at")
    public Instant retryAt;

    /** The request id of the call or command that caused it; null for the service's own work. */
    @Column(name = "request_id", updatable = false)
    public String requestId;

    /** The W3C traceparent of the work that wrote it: its trace goes on through Kafka into the consumer's work. */
    @Column(updatable = false)
    public String traceparent;
}
