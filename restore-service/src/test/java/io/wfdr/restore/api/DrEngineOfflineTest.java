package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The guide's first step when the DR Workflow iProcess Engine server is kept offline: the runbook asks the inventory
 * to bring it online (a command) and goes on only when the inventory announces it ONLINE.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class DrEngineOfflineTest extends RecoveryTestBase {

    @Override
    protected Map<String, Object> drEngineServer(Map<String, Object> view) {
        view.put("state", "OFFLINE_STANDBY");
        return view;
    }

    @Test
    void anOfflineDrEngineServerIsBroughtOnlineThroughTheInventoryAndTheRunbookWaitsForItsEvent() {
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202).extract().path("id");

        var command = TestTopics.ofTestBroker().await("wfdr.inventory.commands", r -> drEngine.equals(r.key())
                && "wfdr.inventory.server.bring-online.v1".equals(TestTopics.header(r, "ce_type")),
                Duration.ofSeconds(60)).orElseThrow(() -> new AssertionError("no bring-online command"));
        assertTrue(command.value().contains(drEngine), command.value());
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("viewer").get("/api/restores/" + id)
                .then().body("steps[0].status", equalTo("WAITING"), "steps[0].outcome",
                        containsString("waiting for the inventory")));

        played.announce("server.state-changed", Map.of("serverId", drEngine, "serverName", "IPEDR01",
                "from", "OFFLINE_STANDBY", "to", "ONLINE", "reason", "brought online by the runbook"));
        awaitStatus(id, "WAITING_FOR_OPERATOR");
        as("viewer").get("/api/restores/" + id).then().body("steps[0].status", equalTo("DONE"),
                "steps[0].outcome", containsString("IPEDR01 is ONLINE"), "steps[0].attempts", equalTo(1));
    }
}
