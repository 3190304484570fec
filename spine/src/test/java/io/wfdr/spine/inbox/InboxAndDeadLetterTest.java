package io.wfdr.spine.inbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.testapp.Drill;
import io.wfdr.spine.testapp.DrillCommandConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
class InboxAndDeadLetterTest extends SpineTestProfile {

    private static final String DLQ = DrillCommandConsumer.TOPIC + ".dlq";
    private final TestTopics topics = TestTopics.ofTestBroker();

    @jakarta.inject.Inject
    io.wfdr.spine.testapp.DrillFaults faults;

    @Test
    void theSameEventDeliveredThreeTimesIsAppliedOnce() {
        String drillId = scheduleDrill();
        String eventId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(eventId));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(eventId));
        String marker = UUID.randomUUID().toString();
        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(marker));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(marker));

        assertEquals(2, runsCounted(drillId), "three deliveries of one event and one other event count twice");
    }

    @Test
    void malformedMessageLandsOnTheDeadLetterTopicAndTheConsumerGoesOn() {
        String drillId = scheduleDrill();
        String notJson = UUID.randomUUID().toString();
        topics.send(DrillCommandConsumer.TOPIC, drillId, "{not json", command(notJson));
        String noHeaders = UUID.randomUUID().toString();
        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\",\"n\":\"" + noHeaders + "\"}",
                Map.of());
        String good = UUID.randomUUID().toString();
        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(good));

        Optional<ConsumerRecord<String, String>> parked = topics.await(DLQ,
                r -> notJson.equals(TestTopics.header(r, "ce_id")), Duration.ofSeconds(30));
        assertTrue(parked.isPresent(), "the message that is not JSON is on the dead-letter topic");
        assertTrue(TestTopics.header(parked.get(), "dead-letter-reason").contains("not valid JSON"));
        assertEquals("spine-test", TestTopics.header(parked.get(), DeadLetterWithAttempts.GROUP));
        assertEquals("1", TestTopics.header(parked.get(), DeadLetterWithAttempts.ATTEMPTS),
                "an unreadable message is given up at once");
        assertTrue(topics.await(DLQ, r -> r.value() != null && r.value().contains(noHeaders), Duration.ofSeconds(30))
                .isPresent(), "the message without CloudEvents headers is on the dead-letter topic");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> inboxHas(good));
        assertEquals(1, runsCounted(drillId), "the consumer went on with the next message");
    }

    @Test
    void aValidCommandThatMeetsTheDatabaseDownIsRetriedUntilItAppliesNotDeadLettered() {
        String drillId = scheduleDrill();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        faults.failNext(6);

        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(first));
        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(second));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inboxHas(first) && inboxHas(second));
        assertEquals(2, runsCounted(drillId), "both applied, in order, after six failed attempts (more than 3)");
        assertTrue(topics.await(DLQ, r -> first.equals(TestTopics.header(r, "ce_id")), Duration.ofSeconds(3))
                .isEmpty(), "a transient failure never parks a valid command");
    }

    @Test
    void aMessageThatKeepsFailingForADefectIsDeadLetteredWithItsGroupAttemptsAndFirstFailure() {
        String drillId = scheduleDrill();
        String event = UUID.randomUUID().toString();
        Instant sent = Instant.now();
        faults.failNextWithADefect(10);

        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(event));

        ConsumerRecord<String, String> parked = topics.await(DLQ, r -> event.equals(TestTopics.header(r, "ce_id")),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("not dead-lettered"));
        faults.failNextWithADefect(0);
        assertEquals("spine-test", TestTopics.header(parked, DeadLetterWithAttempts.GROUP));
        assertEquals("3", TestTopics.header(parked, DeadLetterWithAttempts.ATTEMPTS), "wfdr.events.inbox.attempts");
        Instant first = Instant.parse(TestTopics.header(parked, DeadLetterWithAttempts.FIRST_FAILURE));
        assertTrue(!first.isBefore(sent.minusSeconds(1)) && first.isBefore(Instant.now()), first.toString());
        assertTrue(TestTopics.header(parked, "dead-letter-reason").contains("a defect"));
    }

    @Test
    void theInboxRecordCommitsInTheTransactionOfTheWorkSoAFailedAttemptLeavesNeither() {
        String drillId = scheduleDrill();
        String event = UUID.randomUUID().toString();
        faults.failNextAfterTheWork(2);

        topics.send(DrillCommandConsumer.TOPIC, drillId, "{\"drillId\":\"" + drillId + "\"}", command(event));

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> inboxHas(event));
        assertEquals(1, runsCounted(drillId), "two attempts did the work and failed: their work rolled back with them");
    }

    private static Map<String, String> command(String eventId) {
        return Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", "wfdr.spinetest.drill.run.v1",
                "ce_source", "/wfdr/test", "ce_time", "2026-11-25T03:00:00Z", "content-type", "application/json");
    }

    private static String scheduleDrill() {
        return given().auth().oauth2(BearerTokens.forRole("operator"))
                .contentType("application/json")
                .body("{\"name\":\"Inbox drill\",\"kind\":\"VIRTUAL_MACHINE\"}")
                .post("/api/drills")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static boolean inboxHas(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> InboxMessage.isProcessed("drill-commands", eventId));
    }

    private static int runsCounted(String drillId) {
        return QuarkusTransaction.requiringNew().call(() -> Drill.<Drill>findById(drillId).runsCounted);
    }
}
