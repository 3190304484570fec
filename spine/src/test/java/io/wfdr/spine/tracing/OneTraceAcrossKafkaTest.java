package io.wfdr.spine.tracing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.testapp.DrillCommandConsumer;
import io.wfdr.spine.testapp.DrillService;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 §3: one trace runs from the REST call through the outbox and Kafka (W3C {@code traceparent}) into the
 * consumer's work; the audit record and the log lines carry its id; nothing is exported without an OTLP endpoint.
 */
@QuarkusTest
class OneTraceAcrossKafkaTest extends SpineTestProfile {

    private final TestTopics topics = TestTopics.ofTestBroker();

    @Test
    void aCallsTraceRunsThroughTheOutboxAndKafkaIntoTheConsumersWork() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String callerSpan = "00f067aa0ba902b7";
        String request = "req-" + UUID.randomUUID();

        String drill = given().auth().oauth2(BearerTokens.forRole("operator")).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01").header("X-Request-Id", request)
                .body("{\"name\":\"Traced drill\",\"kind\":\"VIRTUAL_MACHINE\"}")
                .post("/api/drills").then().statusCode(201).extract().path("id");

        audit(request).body("total", equalTo(1), "items[0].traceId", equalTo(traceId));
        ConsumerRecord<String, String> event = topics.await(DrillService.TOPIC, r -> drill.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the drill's event was not published"));
        String[] sent = TestTopics.header(event, Traces.TRACEPARENT).split("-");
        assertEquals(traceId, sent[1], "the event carries the trace of the call that caused it");
        assertNotEquals(callerSpan, sent[2], "its parent is the relay's publish span, a child of the call");

        List<ExtLogRecord> lines = capture(DrillCommandConsumer.class.getName());
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id",
                UUID.randomUUID().toString(), "ce_type", "wfdr.spinetest.drill.run.v1", "ce_source", "/wfdr/test",
                "ce_time", "2026-11-25T03:00:00Z", "content-type", "application/json"));
        headers.put(Traces.TRACEPARENT, TestTopics.header(event, Traces.TRACEPARENT));
        topics.send(DrillCommandConsumer.TOPIC, drill, "{\"drillId\":\"" + drill + "\"}", headers);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> lines.stream()
                .anyMatch(line -> line.getFormattedMessage().contains(drill)));
        ExtLogRecord line = lines.stream().filter(l -> l.getFormattedMessage().contains(drill)).findFirst()
                .orElseThrow();
        assertEquals(traceId, line.getMdc("traceId"), "the consumer's log line names the caller's trace");
    }

    @Test
    void everyEventHasATraceButWithoutAnOtlpEndpointNoSpanIsSampledSoNoneIsExported() {
        assertNull(TraceSampling.configuredEndpoint(ConfigProvider.getConfig()),
                "the tests configure no OTLP endpoint (the extension's default does not count as one)");
        String drill = given().auth().oauth2(BearerTokens.forRole("operator")).contentType("application/json")
                .header("traceparent", "00-" + UUID.randomUUID().toString().replace("-", "") + "-00f067aa0ba902b7-01")
                .body("{\"name\":\"Untraced drill\",\"kind\":\"VIRTUAL_MACHINE\"}")
                .post("/api/drills").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, String> event = topics.await(DrillService.TOPIC, r -> drill.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("the drill's event was not published"));
        assertTrue(TestTopics.header(event, Traces.TRACEPARENT).endsWith("-00"),
                "not sampled, so not recorded and never sent to a collector");
    }

    @Test
    void anOtlpEndpointAnOperatorConfiguredTurnsExportingOn() {
        var configured = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector.dr.local:4317"), "env", 300))
                .build();
        assertEquals("http://collector.dr.local:4317", TraceSampling.configuredEndpoint(configured));
        var blank = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("quarkus.otel.exporter.otlp.traces.endpoint", " "), "env", 300)).build();
        assertNull(TraceSampling.configuredEndpoint(blank));
    }

    private static ValidatableResponse audit(String request) {
        return Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .auth().oauth2(BearerTokens.forRole("approver")).queryParam("requestId", request)
                .get("/api/audit").then().statusCode(200), r -> r.extract().<Integer>path("total") == 1);
    }

    private static List<ExtLogRecord> capture(String category) {
        List<ExtLogRecord> lines = new CopyOnWriteArrayList<>();
        Logger.getLogger(category).addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record instanceof ExtLogRecord line) {
                    line.copyMdc();
                    lines.add(line);
                }
            }

            @Override
            public void flush() {
                // kept in memory
            }

            @Override
            public void close() {
                // kept in memory
            }
        });
        return lines;
    }
}
