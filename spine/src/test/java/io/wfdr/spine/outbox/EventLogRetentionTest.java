package io.wfdr.spine.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.inbox.InboxMessage;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EventLogRetentionTest extends SpineTestProfile {

    @Inject
    EventLogRetention retention;

    @Test
    void publishedMessagesAndAppliedEventIdsArePurgedOnlyPastTheirRetention() {
        String oldPublished = message(Instant.now().minus(8, ChronoUnit.DAYS));
        String recentPublished = message(Instant.now().minus(1, ChronoUnit.DAYS));
        String oldInbox = inbox(Instant.now().minus(31, ChronoUnit.DAYS));
        String recentInbox = inbox(Instant.now().minus(29, ChronoUnit.DAYS));

        retention.purge();

        assertEquals(0, count(OutboxMessage.class, "eventId", oldPublished));
        assertEquals(1, count(OutboxMessage.class, "eventId", recentPublished));
        assertEquals(0, count(InboxMessage.class, "eventId", oldInbox));
        assertEquals(1, count(InboxMessage.class, "eventId", recentInbox));
    }

    @Test
    void anEventStillWaitingForKafkaIsNeverPurgedHoweverOldItIs() {
        String waiting = message(Instant.now().minus(30, ChronoUnit.DAYS), null);

        retention.purge();

        assertEquals(1, count(OutboxMessage.class, "eventId", waiting), "a long Kafka outage must not lose it");
    }

    private static String message(Instant publishedAt) {
        return message(publishedAt, publishedAt);
    }

    private static String message(Instant occurredAt, Instant publishedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OutboxMessage m = new OutboxMessage();
            m.eventId = UUID.randomUUID().toString();
            m.topic = "wfdr.spinetest.events";
            m.key = "k";
            m.type = "wfdr.spinetest.retention.v1";
            m.source = "/test";
            m.occurredAt = occurredAt;
            m.payload = "{}";
            m.publishedAt = publishedAt;
            m.persist();
            return m.eventId;
        });
    }

    private static String inbox(Instant processedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            InboxMessage m = new InboxMessage();
            m.consumer = "retention-test";
            m.eventId = UUID.randomUUID().toString();
            m.type = "wfdr.spinetest.retention.v1";
            m.processedAt = processedAt;
            m.persist();
            return m.eventId;
        });
    }

    private static long count(Class<?> entity, String field, String value) {
        return QuarkusTransaction.requiringNew().call(() -> entity == OutboxMessage.class
                ? OutboxMessage.count(field, value) : InboxMessage.count(field, value));
    }
}
