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

    private static final Set<String> MADE_HERE = Set.of("environment.registered", "site.registered",
            "host.registered", "server.registered", "server.updated", "database.registered", "login.registered",
            "dsn.registered", "pair.paired", "deployment.recorded", "drift.detected", "pair.failed-over",
            "server.renamed", "server.state-changed", "pair.failed-back", "pair.unpaired", "deployment.removed",
            "server.removed");

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

    private static void publishEveryKind() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String vmHost = InventoryApi.vmHost(pair.productionSiteId());
        String sql = InventoryApi.registerServer(pair.productionSiteId(), vmHost, "DATABASE_SERVER");
        String database = InventoryApi.create("/api/databases", Map.of("name", InventoryApi.uniqueName("TFLOWF"),
                "kind", "WORKFLOW", "serverId", sql, "recoveryModel", "FULL", "rpoMinutes", 30, "rtoMinutes", 240));
        String login = InventoryApi.create("/api/logins", Map.of("name", "tfwfowner", "serverId", sql,
                "secretRef", "env:TFWFOWNER_PASSWORD"));
        InventoryApi.create("/api/dsns", Map.of("name", "TFLOWF", "serverId", pair.productionId(), "bitness", 32,
                "targetServerId", sql, "defaultDatabase", "TFLOWF", "loginId", login));
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
