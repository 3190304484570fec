package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DatabasesLoginsDsnsTest extends InventoryTest {

    private String sqlServer;
    private String workflowServer;

    @BeforeEach
    void servers() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        sqlServer = InventoryApi.registerServer(site, null, "DATABASE_SERVER");
        workflowServer = InventoryApi.registerServer(site, null, "WORKFLOW_IPROCESS_ENGINE");
    }

    @Test
    void tflowfOnTheDatabaseServerWithItsTargets() {
        String id = InventoryApi.create("/api/databases", database("TFLOWF", sqlServer));
        as("viewer").get("/api/databases/" + id).then().statusCode(200)
                .body("kind", equalTo("WORKFLOW"), "recoveryModel", equalTo("FULL"), "rpoMinutes", equalTo(15));
        as("operator").body(database("TFLOWF", sqlServer)).post("/api/databases").then().statusCode(409);
    }

    @Test
    void aDatabaseOnAServerThatIsNotADatabaseServerIs400() {
        as("operator").body(database("TFLOWF", workflowServer)).post("/api/databases").then().statusCode(400)
                .body("errors[0].field", equalTo("serverId"), "errors[0].message", containsString("not a database server"));
    }

    @Test
    void aLoginIsStoredWithItsSecretReferenceAndTheSidButNeverAPassword() {
        String id = InventoryApi.create("/api/logins", login("tfwfowner", "env:TFWFOWNER_PASSWORD"));
        String body = as("viewer").get("/api/logins/" + id).then().statusCode(200)
                .body("secretRef", equalTo("env:TFWFOWNER_PASSWORD"), "sid", equalTo("0x0102030405060708090A0B0C0D0E0F10"))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(body.toLowerCase().contains("\"password\""));
    }

    @Test
    void aLoginWithoutASecretReferenceIs400() {
        as("operator").body(login("tfwfuser", null)).post("/api/logins").then().statusCode(400)
                .body("errors[0].field", equalTo("secretRef"));
    }

    @Test
    void aLoginWithAPasswordIsRefusedAndTheValueIsNotEchoed() {
        Map<String, Object> body = login("tfwfuser", "env:TFWFUSER_PASSWORD");
        body.put("password", "Sup3rSecret!");
        String response = as("operator").body(body).post("/api/logins").then().statusCode(400)
                .body("errors[0].field", equalTo("password")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(response.contains("Sup3rSecret"));
    }

    @Test
    void theTflowfDsnPointsAtTheDatabaseServerWithOneOfItsLogins() {
        String login = InventoryApi.create("/api/logins", login("tfwfowner", "k8s:wfdr-logins/tfwfowner"));
        String id = InventoryApi.create("/api/dsns", dsn(sqlServer, login, 32));
        as("viewer").queryParam("serverId", workflowServer).get("/api/dsns").then().statusCode(200)
                .body("items.id", hasItem(id), "items[0].bitness", equalTo(32));
    }

    @Test
    void aDsnPointingAtAServerThatIsNotADatabaseServerIs400() {
        String login = InventoryApi.create("/api/logins", login("tfwfowner", "env:TFWFOWNER_PASSWORD"));
        as("operator").body(dsn(workflowServer, login, 64)).post("/api/dsns").then().statusCode(400)
                .body("errors.field", hasItem("targetServerId"));
    }

    @Test
    void aDsnIs32Or64Bit() {
        String login = InventoryApi.create("/api/logins", login("tfwfowner", "env:TFWFOWNER_PASSWORD"));
        as("operator").body(dsn(sqlServer, login, 16)).post("/api/dsns").then().statusCode(400)
                .body("errors[0].field", equalTo("bitness"));
    }

    @Test
    void aDeploymentGoesToAWorkflowServer() {
        as("operator").body(Map.of("serverId", sqlServer, "kind", "FORM", "name", "Invoice form", "version", "1"))
                .post("/api/deployments").then().statusCode(400).body("errors[0].field", equalTo("serverId"));
        as("operator").body(Map.of("serverId", workflowServer, "kind", "FORM", "name", "Invoice form", "version", "1"))
                .post("/api/deployments").then().statusCode(201);
        as("viewer").queryParam("serverId", workflowServer).get("/api/deployments").then()
                .body("total", equalTo(1), "items[0].name", equalTo("Invoice form"));
    }

    private static Map<String, Object> database(String name, String serverId) {
        return Map.of("name", name, "kind", "WORKFLOW", "serverId", serverId, "recoveryModel", "FULL",
                "rpoMinutes", 15, "rtoMinutes", 240);
    }

    private Map<String, Object> login(String name, String secretRef) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("serverId", sqlServer);
        body.put("sid", "0x0102030405060708090a0b0c0d0e0f10");
        body.put("secretRef", secretRef);
        return body;
    }

    private Map<String, Object> dsn(String target, String login, int bitness) {
        return Map.of("name", "TFLOWF", "serverId", workflowServer, "bitness", bitness, "targetServerId", target,
                "defaultDatabase", "TFLOWF", "loginId", login);
    }
}
