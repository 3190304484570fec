package io.wfdr.spine.inbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** An event a consumer has applied; written in the same transaction as the work the event caused. */
@Entity
@Table(name = "inbox_message")
@IdClass(InboxMessage.Key.class)
public class InboxMessage extends PanacheEntityBase {

    @Id
    @Column(name = "consumer_name")
    public String consumer;

    @Id
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type", nullable = false)
    public String type;

    @Column(name = "processed_at", nullable = false)
    public Instant processedAt;

    public static boolean isProcessed(String consumer, String eventId) {
        return count("consumer = ?1 and eventId = ?2", consumer, eventId) > 0;
    }

    public static class Key implements Serializable {
        public String consumer;
        public String eventId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(consumer, key.consumer)
                    && Objects.equals(eventId, key.eventId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(consumer, eventId);
        }
    }
}
