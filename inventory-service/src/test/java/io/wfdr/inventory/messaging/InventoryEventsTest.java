package io.wfdr.inventory.messaging;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.api.InventoryApi;
import io.wfdr.inventory.api.InventoryApi.PairedWorkflow;
import io.wfdr.localstack.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The inventory's events and commands, on the real broker. */
@QuarkusTest
class InventoryEventsTest extends InventoryTest {

    private static final String EVENTS = "wfdr.inventory.events";
    private static final String COMMANDS = "wfdr.inventory.commands";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final TestTopics topics = TestTopics.ofTestBroker();

    @Test
    void registeringAServerPublishesServerRegisteredKeyedByItsId() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        String id = InventoryApi.registerServer(site, null, "TRANSFLO_SERVER");
        ConsumerRecord<String, String> event = awaitEvent(id, "wfdr.inventory.server.registered.v1");
        assertTrue(TestTopics.header(event, "ce_subject").startsWith("server/"));
        assertTrue(TestTopics.header(event, "ce_source").equals("/wfdr/inventory-service"));
        assertTrue(event.value().contains("\"id\":\"" + id + "\""));
    }

    @Test
    void driftIsDetectedWhenProductionGetsAProcessAndResolvedWhenTheDrServerGetsIt() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        awaitEvent(pair.pairId(), "wfdr.inventory.pair.paired.v1");
        deploy(pair.productionId());
        ConsumerRecord<String, String> detected = awaitEvent(pair.pairId(), "wfdr.inventory.drift.detected.v1");
        assertTrue(detected.value().contains("MISSING_DEPLOYMENT"));
        deploy(pair.drId());
        awaitEvent(pair.pairId(), "wfdr.inventory.drift.resolved.v1");
        awaitEvent(deploymentKey(pair.productionId()),
                "wfdr.inventory.deployment.recorded.v1");
    }

    @Test
    void aFailOverCommandFromKafkaFailsThePairOverAndPublishesTheRename() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String commandId = UUID.randomUUID().toString();
        sendCommand(commandId, InventoryCommandConsumer.FAIL_OVER,
                "{\"pairId\":\"" + pair.pairId() + "\",\"reason\":\"runbook step 2\"}");

        awaitEvent(pair.pairId(), "wfdr.inventory.pair.failed-over.v1");
        ConsumerRecord<String, String> renamed = awaitEvent(pair.drId(), "wfdr.inventory.server.renamed.v1");
        assertTrue(renamed.value().contains("failover"));
        awaitEvent(pair.productionId(), "wfdr.inventory.server.state-changed.v1");
        as("viewer").get("/api/pairs/" + pair.pairId()).then().body("status", equalTo("FAILED_OVER"));

        sendCommand(commandId, InventoryCommandConsumer.FAIL_OVER, "{\"pairId\":\"" + pair.pairId() + "\"}");
        String again = UUID.randomUUID().toString();
        sendCommand(again, InventoryCommandConsumer.FAIL_OVER, "{\"pairId\":\"" + pair.pairId() + "\"}");
        ConsumerRecord<String, String> rejected = awaitEvent(pair.pairId(), "wfdr.inventory.command.rejected.v1");
        assertTrue(rejected.value().contains(again), "the refusal names the command that was refused");
        assertTrue(topics.readAll(EVENTS, Duration.ofSeconds(3)).stream()
                .filter(r -> pair.pairId().equals(r.key()))
                .filter(r -> "wfdr.inventory.command.rejected.v1".equals(TestTopics.header(r, "ce_type")))
                .count() == 1, "the redelivered first command was applied once and not refused");
    }

    @Test
    void aCommandIsAuditedWithItsRequestingActorItsTicketAndItsOutcome() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String applied = "req-" + UUID.randomUUID();
        String refused = "req-" + UUID.randomUUID();
        String data = "{\"pairId\":\"" + pair.pairId() + "\",\"ticketId\":\"INC-88\"}";
        String trace = UUID.randomUUID().toString().replace("-", "");
        sendCommand(UUID.randomUUID().toString(), InventoryCommandConsumer.FAIL_OVER, data,
                Map.of("ce_actor", "dba.jones", "ce_requestid", applied, "traceparent",
                        "00-" + trace + "-b7ad6b7169203331-01"));
        sendCommand(UUID.randomUUID().toString(), InventoryCommandConsumer.FAIL_OVER, data,
                Map.of("ce_actor", "dba.jones", "ce_requestid", refused));

        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("requestId", applied)
                .get("/api/audit").then().body("total", equalTo(1), "items[0].channel", equalTo("KAFKA"),
                        "items[0].actorSubject", equalTo("dba.jones"),
                        "items[0].action", equalTo(InventoryCommandConsumer.FAIL_OVER),
                        "items[0].target", equalTo(COMMANDS), "items[0].resourceId", equalTo(pair.pairId()),
                        "items[0].ticketId", equalTo("INC-88"), "items[0].outcome", equalTo("SUCCEEDED"),
                        "items[0].traceId", equalTo(trace)));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("requestId", refused)
                .get("/api/audit").then().body("total", equalTo(1), "items[0].outcome", equalTo("REFUSED")));
        ConsumerRecord<String, String> failedOver = awaitEvent(pair.pairId(), "wfdr.inventory.pair.failed-over.v1");
        assertTrue("dba.jones".equals(TestTopics.header(failedOver, "ce_actor")));
        assertTrue(applied.equals(TestTopics.header(failedOver, "ce_requestid")));
        assertTrue(TestTopics.header(failedOver, "traceparent").startsWith("00-" + trace + "-"),
                "the asker's trace runs on through the command's work into the events it caused");
    }

    @Test
    void aCommandIsValidatedWithTheRulesOfTheRestCallItMirrors() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String command = UUID.randomUUID().toString();
        sendCommand(command, InventoryCommandConsumer.FAIL_OVER,
                "{\"pairId\":\"" + pair.pairId() + "\",\"reason\":\"" + "x".repeat(5_000) + "\"}");

        ConsumerRecord<String, String> rejected = awaitEvent(pair.pairId(), "wfdr.inventory.command.rejected.v1");
        assertTrue(rejected.value().contains(command) && rejected.value().contains("reason"), rejected.value());
        as("viewer").get("/api/pairs/" + pair.pairId()).then().body("status", equalTo("NORMAL"));
    }

    @Test
    void aCommandFromAServiceThatMayNotSendItOrNamingNoActorIsRefusedAndChangesNothing() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String data = "{\"pairId\":\"" + pair.pairId() + "\"}";
        String foreign = UUID.randomUUID().toString();
        sendCommand(foreign, InventoryCommandConsumer.FAIL_OVER, data, Map.of("ce_source", "/wfdr/backup-service"));
        String anonymous = UUID.randomUUID().toString();
        sendCommand(anonymous, InventoryCommandConsumer.FAIL_OVER, data, Map.of("ce_actor", " "));

        ConsumerRecord<String, String> notASender = awaitRejection(pair.pairId(), foreign);
        assertTrue(notASender.value().contains("only from restore-service, snapshot-service, not from backup-service"),
                notASender.value());
        ConsumerRecord<String, String> noActor = awaitRejection(pair.pairId(), anonymous);
        assertTrue(noActor.value().contains("ce_actor"), noActor.value());
        as("viewer").get("/api/pairs/" + pair.pairId()).then().body("status", equalTo("NORMAL"));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("resourceId", pair.pairId())
                .queryParam("outcome", "REFUSED").get("/api/audit").then()
                .body("items.principal", hasItems("backup-service", "restore-service")));
    }

    @Test
    void aCommandThatCannotBeReadGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String bad = UUID.randomUUID().toString();
        sendCommand(bad, "wfdr.inventory.server.reboot.v1", "{\"serverId\":\"" + pair.drId() + "\"}");
        sendCommand(UUID.randomUUID().toString(), InventoryCommandConsumer.BRING_ONLINE,
                "{\"serverId\":\"" + pair.drId() + "\"}");
        assertTrue(topics.await(COMMANDS + ".dlq", r -> bad.equals(TestTopics.header(r, "ce_id")), WAIT).isPresent());
        Awaitility.await().atMost(WAIT).untilAsserted(() ->
                as("viewer").get("/api/servers/" + pair.drId()).then().body("state", equalTo("ONLINE")));
    }

    private ConsumerRecord<String, String> awaitRejection(String key, String commandId) {
        return topics.await(EVENTS, r -> key.equals(r.key())
                && "wfdr.inventory.command.rejected.v1".equals(TestTopics.header(r, "ce_type"))
                && r.value().contains(commandId), WAIT)
                .orElseThrow(() -> new AssertionError("no rejection of " + commandId + " on " + EVENTS));
    }

    private ConsumerRecord<String, String> awaitEvent(String key, String type) {
        return topics.await(EVENTS, r -> key.equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")), WAIT)
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key + " on " + EVENTS));
    }

    private String deploymentKey(String serverId) {
        return as("viewer").queryParam("serverId", serverId).get("/api/deployments").then().extract()
                .path("items[0].id");
    }

    private void sendCommand(String id, String type, String data) {
        sendCommand(id, type, data, Map.of());
    }

    private void sendCommand(String id, String type, String data, Map<String, String> extensions) {
        Map<String, String> headers = new java.util.HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", type, "ce_source", "/wfdr/restore-service", "ce_actor", "dba.jones", "content-type", "application/json"));
        headers.putAll(extensions);
        topics.send(COMMANDS, "cmd", data, headers);
    }

    private static void deploy(String serverId) {
        as("operator").body(Map.of("serverId", serverId, "kind", "PROCESS", "name", "Invoice approval",
                "version", "3.2")).post("/api/deployments").then().statusCode(201);
    }
}
