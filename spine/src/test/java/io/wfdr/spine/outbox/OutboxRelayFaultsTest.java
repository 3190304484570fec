package io.wfdr.spine.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.events.CloudEventHeaders;
import io.wfdr.spine.testapp.Drill;
import io.wfdr.spine.testapp.DrillScheduled;
import io.wfdr.spine.testapp.DrillService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxRelayFaultsTest extends SpineTestProfile {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** A name Kafka refuses for good: a topic name may not hold a space. */
    private static final String REFUSED_TOPIC = "wfdr.spinetest.no such topic";

    @Inject
    EventOutbox outbox;

    @Inject
    MeterRegistry registry;

    @Test
    void anEventKafkaRefusesForGoodIsParkedWithItsReasonHoldsOnlyItsKeyAndNothingElseIsSentAgain() {
        String held = "drill-" + UUID.randomUUID();
        String other = "drill-" + UUID.randomUUID();
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> List.of(
                outbox.record(REFUSED_TOPIC, held, null, scheduled(held)),
                outbox.record(DrillService.TOPIC, held, null, scheduled(held)),
                outbox.record(DrillService.TOPIC, other, null, scheduled(other))));
        String refused = ids.get(0);
        String behindIt = ids.get(1);
        String independent = ids.get(2);

        Awaitility.await().atMost(WAIT).until(() -> message(refused).parkedAt != null);
        OutboxMessage parked = message(refused);
        assertTrue(parked.parkReason.contains("InvalidTopicException"), parked.parkReason);
        assertNull(parked.publishedAt);
        Instant firstRetry = parked.retryAt;
        assertNotNull(firstRetry);
        assertTrue(topics().await(DrillService.TOPIC, r -> independent.equals(id(r)), WAIT).isPresent(),
                "an event of another key is published");
        Map<String, Object> details = given().get("/q/health/ready").then().statusCode(200).extract()
                .path("checks.find { it.name.startsWith('outbox') }.data");
        assertTrue(((Number) details.get("parked")).longValue() >= 1, details.toString());
        assertTrue(details.values().toString().contains(refused + " wfdr.spinetest.drill.scheduled.v1 (key " + held),
                details.toString());
        assertTrue(registry.get("wfdr_outbox_oldest_pending_seconds").gauge().value() >= 0);
        assertTrue(registry.get("wfdr_outbox_parked").gauge().value() >= 1);

        Awaitility.await().atMost(WAIT).until(() -> message(refused).retryAt.isAfter(firstRetry));
        double passes = relayPasses();
        Awaitility.await().atMost(WAIT).until(() -> relayPasses() >= passes + 3);
        List<ConsumerRecord<String, String>> all = topics().readAll(DrillService.TOPIC, Duration.ofSeconds(3));
        assertEquals(1, all.stream().filter(r -> independent.equals(id(r))).count(), "sent once, not on every pass");
        assertEquals(0, all.stream().filter(r -> behindIt.equals(id(r))).count(),
                "the later event of the parked one's key waits behind it");
        assertNull(message(behindIt).publishedAt);
        assertNull(message(behindIt).parkedAt);

        QuarkusTransaction.requiringNew().run(() -> OutboxMessage.delete("key", held));
    }

    @Test
    void eventsOfOneKeyReachKafkaInTheOrderTheirTransactionsCommitNotTheOrderTheyWereWritten() throws Exception {
        String key = "drill-" + UUID.randomUUID();
        CountDownLatch firstWritten = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        String[] first = new String[1];
        Thread writerA = new Thread(() -> QuarkusTransaction.requiringNew().run(() -> {
            first[0] = outbox.record(DrillService.TOPIC, key, null, scheduled(key));
            firstWritten.countDown();
            await(commitFirst);
        }));
        writerA.start();
        assertTrue(firstWritten.await(30, TimeUnit.SECONDS));
        CountDownLatch secondDone = new CountDownLatch(1);
        String[] second = new String[1];
        Thread writerB = new Thread(() -> {
            second[0] = QuarkusTransaction.requiringNew().call(() ->
                    outbox.record(DrillService.TOPIC, key, null, scheduled(key)));
            secondDone.countDown();
        });
        writerB.start();
        // the second writer either commits at once (nothing orders the two) or waits for the first one's key
        Awaitility.await().atMost(WAIT).until(() -> secondDone.getCount() == 0 || aSessionWaitsForALock());
        commitFirst.countDown();
        writerA.join(30_000);
        assertTrue(secondDone.await(30, TimeUnit.SECONDS));

        ConsumerRecord<String, String> a = topics().await(DrillService.TOPIC, r -> first[0].equals(id(r)), WAIT)
                .orElseThrow();
        ConsumerRecord<String, String> b = topics().await(DrillService.TOPIC, r -> second[0].equals(id(r)), WAIT)
                .orElseThrow();
        assertEquals(a.partition(), b.partition());
        assertTrue(a.offset() < b.offset(), "the transaction that committed first is published first");
    }

    /** H2 names the session another one waits for. */
    private static boolean aSessionWaitsForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) OutboxMessage.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID IS NOT NULL")
                .getSingleResult()).longValue() > 0);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private double relayPasses() {
        return registry.get("wfdr_outbox_relay_passes").counter().count();
    }

    private static DrillScheduled scheduled(String id) {
        return new DrillScheduled(id, "Site B failover drill", Drill.Kind.PHYSICAL_MACHINE, Instant.now());
    }

    private static OutboxMessage message(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> OutboxMessage.<OutboxMessage>find("eventId", eventId)
                .firstResult());
    }

    private static String id(ConsumerRecord<String, String> record) {
        return TestTopics.header(record, CloudEventHeaders.ID);
    }

    private static TestTopics topics() {
        return TestTopics.ofTestBroker();
    }
}
