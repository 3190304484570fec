package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.api.InventoryApi.PairedWorkflow;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PairAndFailoverTest extends InventoryTest {

    @Test
    void aPairOfDifferentRolesIs400() {
        String env = InventoryApi.environment();
        String prod = InventoryApi.registerServer(InventoryApi.site(env, "PRODUCTION"), null, "TRANSFLO_SERVER");
        String dr = InventoryApi.registerServer(InventoryApi.site(env, "DR"), null, "WORKFLOW_WEB_SERVER");
        as("operator").body(Map.of("productionServerId", prod, "drServerId", dr)).post("/api/pairs")
                .then().statusCode(400).body("errors[0].field", equalTo("drServerId"),
                        "errors[0].message", containsString("same role"));
    }

    @Test
    void theDrServerMustBeAtADrSiteAndTheProductionServerAtAProductionSite() {
        String env = InventoryApi.environment();
        String prodSite = InventoryApi.site(env, "PRODUCTION");
        String a = InventoryApi.registerServer(prodSite, null, "TRANSFLO_SERVER");
        String b = InventoryApi.registerServer(prodSite, null, "TRANSFLO_SERVER");
        as("operator").body(Map.of("productionServerId", a, "drServerId", b)).post("/api/pairs")
                .then().statusCode(400).body("errors.field", hasItem("drServerId"));
    }

    @Test
    void aProductionServerHasAtMostOneDrServer() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String anotherDr = InventoryApi.registerServer(pair.drSiteId(), null, "WORKFLOW_IPROCESS_ENGINE");
        as("operator").body(Map.of("productionServerId", pair.productionId(), "drServerId", anotherDr))
                .post("/api/pairs").then().statusCode(409);
    }

    @Test
    void aProcessDeployedToProductionOnlyIsDriftUntilItIsDeployedToTheDrServer() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        as("viewer").get("/api/pairs/" + pair.pairId() + "/drift").then().statusCode(200).body("inSync", equalTo(true));

        deploy(pair.productionId(), "Invoice approval", "3.2");
        as("viewer").get("/api/pairs/" + pair.pairId()).then().body("drifted", equalTo(true));
        as("viewer").get("/api/pairs/" + pair.pairId() + "/drift").then()
                .body("inSync", equalTo(false), "items", hasSize(1),
                        "items[0].kind", equalTo("MISSING_DEPLOYMENT"), "items[0].artifact",
                        equalTo("PROCESS Invoice approval"));
        as("viewer").get("/api/environments/" + pair.environmentId() + "/drift").then()
                .body("inSync", equalTo(false), "pairs", hasSize(1));

        deploy(pair.drId(), "Invoice approval", "3.2");
        as("viewer").get("/api/pairs/" + pair.pairId()).then().body("drifted", equalTo(false));
        as("viewer").get("/api/environments/" + pair.environmentId() + "/drift").then().body("inSync", equalTo(true));
    }

    @Test
    void environmentDriftNamesProductionServersWithoutADrServer() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String lonely = InventoryApi.registerServer(pair.productionSiteId(), null, "TRANSFLO_SERVER");
        String name = as("viewer").get("/api/servers/" + lonely).then().extract().path("name");
        as("viewer").get("/api/environments/" + pair.environmentId() + "/drift").then()
                .body("inSync", equalTo(false), "productionServersWithoutDr", hasItem(name));
    }

    @Test
    void failoverBringsTheDrServerOnlineUnderTheProductionNameAndRecordsTheRename() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String prodName = as("viewer").get("/api/servers/" + pair.productionId()).then().extract().path("name");
        String drName = as("viewer").get("/api/servers/" + pair.drId()).then().extract().path("name");

        as("operator").body(Map.of("reason", "INC-4711 production machine failure"))
                .post("/api/pairs/" + pair.pairId() + "/failover")
                .then().statusCode(200).body("status", equalTo("FAILED_OVER"));
        as("viewer").get("/api/servers/" + pair.drId()).then()
                .body("state", equalTo("ONLINE"), "currentName", equalTo(prodName), "name", equalTo(drName));
        as("viewer").get("/api/servers/" + pair.productionId()).then().body("state", equalTo("FAILED"));
        as("viewer").get("/api/servers/" + pair.drId() + "/renames").then()
                .body("", hasSize(1), "[0].fromName", equalTo(drName), "[0].toName", equalTo(prodName));
        as("viewer").queryParam("name", prodName).get("/api/servers").then()
                .body("items.id", hasItem(pair.drId()));

        as("operator").post("/api/pairs/" + pair.pairId() + "/failover").then().statusCode(409)
                .contentType("application/problem+json");
        as("operator").post("/api/servers/" + pair.drId() + "/offline").then().statusCode(409);
        as("admin").delete("/api/pairs/" + pair.pairId()).then().statusCode(409);

        as("operator").post("/api/pairs/" + pair.pairId() + "/failback").then().statusCode(200)
                .body("status", equalTo("NORMAL"));
        as("viewer").get("/api/servers/" + pair.drId()).then()
                .body("state", equalTo("OFFLINE_STANDBY"), "currentName", equalTo(drName));
        as("viewer").get("/api/servers/" + pair.productionId()).then().body("state", equalTo("ONLINE"));
        as("viewer").get("/api/servers/" + pair.drId() + "/renames").then().body("", hasSize(2));
        as("operator").post("/api/pairs/" + pair.pairId() + "/failback").then().statusCode(409);

        as("admin").delete("/api/pairs/" + pair.pairId()).then().statusCode(204);
        as("admin").delete("/api/servers/" + pair.drId()).then().statusCode(204);
        as("viewer").get("/api/servers/" + pair.drId()).then().statusCode(404);
        as("viewer").get("/api/servers/" + pair.drId() + "/renames").then().statusCode(200)
                .body("", hasSize(2), "[0].toName", equalTo(prodName), "[1].toName", equalTo(drName));
    }

    @Test
    void anUpdateKeepsTheRulesThePairWasMadeUnder() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String prodName = as("viewer").get("/api/servers/" + pair.productionId()).then().extract().path("name");
        String drName = as("viewer").get("/api/servers/" + pair.drId()).then().extract().path("name");

        as("operator").body(InventoryApi.server(prodName, pair.drSiteId(), null, "WORKFLOW_IPROCESS_ENGINE"))
                .put("/api/servers/" + pair.productionId()).then().statusCode(409)
                .body("detail", containsString("not a production site"));
        as("operator").body(InventoryApi.server(drName, pair.productionSiteId(), null, "WORKFLOW_IPROCESS_ENGINE"))
                .put("/api/servers/" + pair.drId()).then().statusCode(409)
                .body("detail", containsString("not a DR site"));
        String otherEnvironment = InventoryApi.environment();
        String otherDrSite = InventoryApi.site(otherEnvironment, "DR");
        as("operator").body(InventoryApi.server(drName, otherDrSite, null, "WORKFLOW_IPROCESS_ENGINE"))
                .put("/api/servers/" + pair.drId()).then().statusCode(409)
                .body("detail", containsString("another environment"));

        as("viewer").get("/api/servers/" + pair.productionId()).then().body("siteId", equalTo(pair.productionSiteId()));
        as("viewer").get("/api/servers/" + pair.drId()).then().body("siteId", equalTo(pair.drSiteId()),
                "environmentId", equalTo(pair.environmentId()));
    }

    @Test
    void aFailedOverProductionServerCanStillBeEditedWhileItsDrPartnerCarriesItsName() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        String prodName = as("viewer").get("/api/servers/" + pair.productionId()).then().extract().path("name");
        String drName = as("viewer").get("/api/servers/" + pair.drId()).then().extract().path("name");
        as("operator").post("/api/pairs/" + pair.pairId() + "/failover").then().statusCode(200);

        Map<String, Object> repaired = InventoryApi.server(prodName, pair.productionSiteId(), null,
                "WORKFLOW_IPROCESS_ENGINE");
        as("operator").body(repaired).put("/api/servers/" + pair.productionId()).then().statusCode(200);
        as("operator").body(InventoryApi.server(drName, pair.productionSiteId(), null, "WORKFLOW_IPROCESS_ENGINE"))
                .put("/api/servers/" + pair.productionId()).then().statusCode(409);
    }

    @Test
    void onlyAnOfflineDrServerCanBeBroughtOnlineAndOnlyAnOnlineOneOffline() {
        PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        as("operator").post("/api/servers/" + pair.drId() + "/offline").then().statusCode(409)
                .body("detail", containsString("OFFLINE_STANDBY"));
        as("operator").body(Map.of("reason", "deploy Invoice 3.2")).post("/api/servers/" + pair.drId() + "/online")
                .then().statusCode(200).body("state", equalTo("ONLINE"));
        as("operator").post("/api/servers/" + pair.drId() + "/online").then().statusCode(409);
        as("operator").post("/api/servers/" + pair.drId() + "/offline").then().statusCode(200)
                .body("state", equalTo("OFFLINE_STANDBY"));
        as("operator").post("/api/servers/" + pair.productionId() + "/offline").then().statusCode(409)
                .body("detail", containsString("production server"));
        as("viewer").post("/api/servers/" + pair.drId() + "/online").then().statusCode(403);
    }

    static void deploy(String serverId, String process, String version) {
        as("operator").body(Map.of("serverId", serverId, "kind", "PROCESS", "name", process, "version", version))
                .post("/api/deployments").then().statusCode(201);
    }
}
