package io.wfdr.inventory.messaging;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.api.InventoryApi;
import io.wfdr.inventory.api.InventoryApi.PairedWorkflow;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * What inventory-service really publishes reads through the AsyncAPI document's schemas, unknown properties refused
 * and every required field there. The other services' tests feed in inventory events through
 * {@link PlayedInventory}, which is held to the same schemas: the two cannot drift apart.
 */
@QuarkusTest
class InventoryEventContractTest extends InventoryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINGERPRINT = "SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s";
    private static final Set<String> MADE_HERE = Set.of("environment.registered", "site.registered",
            "host.registered", "server.registered", "server.updated", "database.registered", "login.registered",
            "dsn.registered", "pair.paired", "deployment.recorded", "drift.detected", "pair.failed-over",
            "server.renamed", "server.state-changed", "pair.failed-back", "pair.unpaired", "deployment.removed",
            "server.removed", "database.updated", "dsn.updated", "database.taken-over", "server.rehosted");

    @Test
    void everyEventTheInventoryPublishesReadsThroughTheAsyncApiSchemas() {
        publishEveryKind();
        AsyncApiSchemas schemas = AsyncApiSchemas.ofThisCheckout();
        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            problems.clear();
            seen.clear();
            for (var record : TestTopics.ofTestBroker().readAll(PlayedInventory.TOPIC, Duration.ofSeconds(3))) {
                String type = TestTopics.header(record, "ce_type");
                seen.add(type.substring("wfdr.inventory.".length(), type.length() - ".v1".length()));
                problems.addAll(schemas.problems(type, record.value()));
            }
            assertTrue(seen.containsAll(MADE_HERE), "not published yet: " + MADE_HERE.stream()
                    .filter(t -> !seen.contains(t)).toList());
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void theStandInTheOtherServicesTestsUseIsRefusedWhenItLeavesOutWhatTheInventoryAlwaysSends() {
        PlayedInventory played = PlayedInventory.onTheTestBroker();
        Map<String, Object> site = played.site("6f1c3c2e-9c1d-4d4e-8f3a-1b2c3d4e5f60", "Lakeland", "PRODUCTION");
        site.remove("location");
        AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> played.announce("site.registered", site));
        assertTrue(refused.getMessage().contains("location"), refused.getMessage());
    }

    @Test
    void theServerEventsCarryTheServicesTheRemoteShellAndTheWorkflowUrlAndReadThroughTheSchema() throws Exception {
        String site = InventoryApi.site(InventoryApi.environment(), "DR");
        String name = InventoryApi.uniqueName("WF");
        Map<String, Object> server = drivable(name, site);
        String id = InventoryApi.create("/api/servers", server);
        JsonNode registered = awaitServerEvent(id, "wfdr.inventory.server.registered.v1");
        assertEquals(List.of("iProcess Engine " + name, "iProcess Process Sentinels"),
                JSON.convertValue(registered.get("windowsServices"), List.class));
        assertEquals(JSON.readTree("{\"port\":2222,\"user\":\"ATLANTA\\\\svc-wfdr\","
                + "\"secretRef\":\"k8s:wfdr-hosts/svc-wfdr\",\"hostKeyFingerprint\":\"" + FINGERPRINT + "\"}"),
                registered.get("remoteShell"));
        assertEquals("https://" + name.toLowerCase() + ".atlanta.example.com/Workflow",
                registered.get("workflowUrl").asText());

        server.remove("remoteShell");
        server.remove("workflowUrl");
        server.put("windowsServices", List.of());
        as("operator").body(server).put("/api/servers/" + id).then().statusCode(200);
        JsonNode updated = awaitServerEvent(id, "wfdr.inventory.server.updated.v1");
        assertEquals(0, updated.get("windowsServices").size());
        assertTrue(updated.has("workflowUrl") && updated.get("workflowUrl").isNull(), updated.toString());
        assertTrue(!updated.has("remoteShell"), "a remote shell no longer recorded is left out: " + updated);
    }

    @Test
    void theStandInsServerWithServicesARemoteShellAndAWorkflowUrlIsWhatTheInventorySends() {
        PlayedInventory played = PlayedInventory.onTheTestBroker();
        Map<String, Object> server = played.server("5b0c9e1a-2f3d-4a6b-8c7d-9e0f1a2b3c4d", "WFDR01",
                "6f1c3c2e-9c1d-4d4e-8f3a-1b2c3d4e5f60", null,
                List.of("WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER"));
        server.put("windowsServices", List.of("iProcess Engine WFDR01"));
        server.put("remoteShell", PlayedInventory.remoteShell(22, "svc-wfdr", "env:WFDR_SECRET_SSH", FINGERPRINT));
        server.put("workflowUrl", "https://wfdr01.atlanta.example.com/Workflow");
        played.announce("server.registered", server);

        server.put("remoteShell", PlayedInventory.remoteShell(22, "svc-wfdr", "env:WFDR_SECRET_SSH", "SHA256:short"));
        AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(AssertionError.class,
                () -> played.announce("server.registered", server));
        assertTrue(refused.getMessage().contains("hostKeyFingerprint"), refused.getMessage());
    }

    /** A Workflow Engine and Web Server wfdr can drive, as a runbook needs it. */
    private static Map<String, Object> drivable(String name, String siteId) {
        Map<String, Object> server = InventoryApi.server(name, siteId, null, "WORKFLOW_IPROCESS_ENGINE",
                "WORKFLOW_WEB_SERVER");
        server.put("windowsServices", List.of("iProcess Engine " + name, "iProcess Process Sentinels"));
        server.put("remoteShell", Map.of("port", 2222, "user", "ATLANTA\\svc-wfdr", "secretRef",
                "k8s:wfdr-hosts/svc-wfdr", "hostKeyFingerprint", FINGERPRINT));
        server.put("workflowUrl", "https://" + name.toLowerCase() + ".atlanta.example.com/Workflow");
        return server;
    }

    /** The event of this type about this server, once it has been read through its AsyncAPI schema. */
    private static JsonNode awaitServerEvent(String id, String type) throws Exception {
        var event = TestTopics.ofTestBroker().await(PlayedInventory.TOPIC,
                r -> id.equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError(type + " of " + id + " was not published"));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(type, event.value()));
        return JSON.readTree(event.value());
    }

    /** The restore service's last step of a recovery: the restored database takes over from production. */
    private static void takeOver(String production, String drSql, String dsn) {
        String data = "{\"databaseId\":\"" + production + "\",\"serverId\":\"" + drSql + "\",\"name\":\"TFLOWF_DR\","
                + "\"dsnId\":\"" + dsn + "\",\"runbookId\":\"" + java.util.UUID.randomUUID() + "\","
                + "\"reason\":\"contract\",\"ticketId\":null}";
        TestTopics.ofTestBroker().send("wfdr.inventory.commands", production, data, Map.of("ce_specversion", "1.0",
                "ce_id", java.util.UUID.randomUUID().toString(), "ce_type", InventoryCommandConsumer.TAKE_OVER,
                "ce_source", "/wfdr/restore-service", "ce_actor", "dba.jones", "content-type", "application/json"));
    }

    /** The snapshot service's rebuild of a virtual machine on the DR host. */
    private static void rehost(String serverId, String hostId) {
        String data = "{\"serverId\":\"" + serverId + "\",\"hostId\":\"" + hostId + "\",\"operationId\":\""
                + java.util.UUID.randomUUID() + "\",\"reason\":\"contract\"}";
        TestTopics.ofTestBroker().send("wfdr.inventory.commands", serverId, data, Map.of("ce_specversion", "1.0",
                "ce_id", java.util.UUID.randomUUID().toString(), "ce_type", InventoryCommandConsumer.REHOST,
                "ce_source", "/wfdr/snapshot-service", "ce_actor", "ops.smith", "content-type", "application/json"));
    }

    private static void publishEveryKind() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        InventoryApi.create("/api/servers", drivable(InventoryApi.uniqueName("WF"), pair.drSiteId()));
        String vmHost = InventoryApi.vmHost(pair.productionSiteId());
        String sql = InventoryApi.registerServer(pair.productionSiteId(), vmHost, "DATABASE_SERVER");
        String database = InventoryApi.create("/api/databases", Map.of("name", InventoryApi.uniqueName("TFLOWF"),
                "kind", "WORKFLOW", "serverId", sql, "recoveryModel", "FULL", "rpoMinutes", 30, "rtoMinutes", 240));
        String login = InventoryApi.create("/api/logins", Map.of("name", "tfwfowner", "serverId", sql,
                "secretRef", "env:TFWFOWNER_PASSWORD"));
        String dsn = InventoryApi.create("/api/dsns", Map.of("name", "TFLOWF", "serverId", pair.productionId(),
                "bitness", 32,
                "targetServerId", sql, "defaultDatabase", "TFLOWF", "loginId", login));
        takeOver(database, InventoryApi.registerServer(pair.drSiteId(), null, "DATABASE_SERVER"), dsn);
        rehost(InventoryApi.registerServer(pair.productionSiteId(), vmHost, "TRANSFLO_SERVER"),
                InventoryApi.vmHost(pair.drSiteId()));
        String deployment = InventoryApi.create("/api/deployments", Map.of("serverId", pair.productionId(),
                "kind", "PROCESS", "name", "Invoice approval", "version", "3.2"));
        String name = as("viewer").get("/api/servers/" + sql).then().extract().path("name");
        Map<String, Object> moreMemory = InventoryApi.server(name, pair.productionSiteId(), vmHost, "DATABASE_SERVER");
        as("operator").body(moreMemory).put("/api/servers/" + sql).then().statusCode(200);
        as("operator").body(Map.of("reason", "INC-1 contract")).post("/api/pairs/" + pair.pairId() + "/failover")
                .then().statusCode(200);
        as("operator").post("/api/pairs/" + pair.pairId() + "/failback").then().statusCode(200);
        as("admin").delete("/api/deployments/" + deployment).then().statusCode(204);
        as("admin").delete("/api/pairs/" + pair.pairId()).then().statusCode(204);
        as("admin").delete("/api/servers/" + pair.drId()).then().statusCode(204);
        assertTrue(database != null);
    }
}
