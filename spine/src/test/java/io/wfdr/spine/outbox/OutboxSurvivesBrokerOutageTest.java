package io.wfdr.spine.outbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.LocalKafkaBroker;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.events.CloudEventHeaders;
import io.wfdr.spine.testapp.DrillService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutboxSurvivesBrokerOutageTest extends SpineTestProfile {

    private static final Duration OUTAGE = Duration.ofSeconds(60);

    @Inject
    MeterRegistry registry;

    @Test
    void stateChangeCommitsWhileBrokerIsDownAndItsEventIsDeliveredWhenBrokerIsBackAndReadinessFollowsTheDatabase() {
        LocalKafkaBroker broker = KafkaBrokerTestResource.broker();
        broker.stop();
        String drillId;
        List<String> more = new ArrayList<>();
        try {
            drillId = scheduleDrill();
            for (int i = 0; i < 5; i++) {
                more.add(scheduleDrill());
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(200)
                            .body("checks.find { it.name.startsWith('kafka') }.data.reachable", equalTo(false)));
            assertEquals(1, pendingEventsFor(drillId), "the event waits in the outbox while Kafka is down");
        } finally {
            broker.start();
        }

        Optional<ConsumerRecord<String, String>> delivered = TestTopics.ofTestBroker()
                .await(DrillService.TOPIC, r -> drillId.equals(r.key()), Duration.ofSeconds(60));
        assertTrue(delivered.isPresent(), "the event reached Kafka once the broker was back");
        ConsumerRecord<String, String> record = delivered.get();
        assertEquals("wfdr.spinetest.drill.scheduled.v1", TestTopics.header(record, CloudEventHeaders.TYPE));
        assertEquals("1.0", TestTopics.header(record, CloudEventHeaders.SPEC_VERSION));
        assertEquals("/wfdr/spine-test", TestTopics.header(record, CloudEventHeaders.SOURCE));
        assertEquals("drill/" + drillId, TestTopics.header(record, CloudEventHeaders.SUBJECT));
        assertTrue(record.value().contains("\"drillId\":\"" + drillId + "\""));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> pendingEventsFor(drillId) == 0);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().get("/q/health/ready").then().statusCode(200)
                        .body("checks.find { it.name.startsWith('kafka') }.data.reachable", equalTo(true)));

        assertEachDeliveredOnce(more);
    }

    /**
     * Issue 9 §3: writes go on before, through and after a broker outage of 60 s (far past the producer's delivery
     * timeout, so sends in flight when it began fail and are tried again): every event reaches Kafka exactly once.
     */
    @Test
    void throughASixtySecondOutageEveryEventWrittenBeforeDuringAndAfterIsDeliveredExactlyOnce() {
        LocalKafkaBroker broker = KafkaBrokerTestResource.broker();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            written.add(scheduleDrill());
        }
        broker.stop();
        long outageEnds = System.nanoTime() + OUTAGE.toNanos();
        try {
            org.awaitility.Awaitility.await().atMost(OUTAGE.plusSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        written.add(scheduleDrill());
                        return System.nanoTime() >= outageEnds;
                    });
        } finally {
            broker.start();
        }
        for (int i = 0; i < 5; i++) {
            written.add(scheduleDrill());
        }

        assertEachDeliveredOnce(written);
    }

    /** Every drill's event left the outbox, and after three more relay passes Kafka holds it once, not again. */
    private void assertEachDeliveredOnce(List<String> drills) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> drills.stream().allMatch(id -> pendingEventsFor(id) == 0));
        double passes = relayPasses();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> relayPasses() >= passes + 3);
        List<ConsumerRecord<String, String>> all = TestTopics.ofTestBroker().readAll(DrillService.TOPIC,
                Duration.ofSeconds(3));
        for (String id : drills) {
            assertEquals(1, all.stream().filter(r -> id.equals(r.key())).count(),
                    "the event of drill " + id + " reaches Kafka exactly once (" + drills.size() + " written)");
        }
    }

    private double relayPasses() {
        return registry.get("wfdr_outbox_relay_passes").counter().count();
    }

    private static String scheduleDrill() {
        return given().auth().oauth2(BearerTokens.forRole("operator"))
                .contentType("application/json")
                .body("{\"name\":\"Site B failover drill\",\"kind\":\"PHYSICAL_MACHINE\"}")
                .post("/api/drills")
                .then().statusCode(201)
                .extract().path("id");
    }

    private static long pendingEventsFor(String drillId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> OutboxMessage.count("key = ?1 and publishedAt is null", drillId));
    }
}
