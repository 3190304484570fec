package io.wfdr.backup.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.PlayedInventory;
import org.awaitility.Awaitility;

/**
 * Plays the inventory for the backup service's tests: announces a production and a DR site, their machines, a
 * database server and its databases on {@code wfdr.inventory.events}, as inventory-service publishes them
 * ({@link PlayedInventory}: each event checked against the AsyncAPI document first).
 */
final class Inventory {

    final String productionSite = id();
    final String drSite = id();
    final String drMachine = id();
    final String productionMachine = id();
    final String server = id();
    final String login = id();
    final String simpleDb = id();
    final String fullDb = id();
    final String fullDbName = "TFLOWF" + fullDb.substring(0, 4).toUpperCase();
    final PlayedInventory played = PlayedInventory.onTheTestBroker();

    static Inventory announced() {
        Inventory inventory = new Inventory();
        inventory.announceAll();
        return inventory;
    }

    private void announceAll() {
        announce("site.registered", played.site(productionSite, "Lakeland", "PRODUCTION"));
        announce("site.registered", played.site(drSite, "Atlanta", "DR"));
        announce("host.registered", played.machine(drMachine, "nas-dr", drSite));
        announce("host.registered", played.vmHost(productionMachine, "esx-prod", productionSite));
        announce("server.registered", played.server(server, "SQLPROD01", productionSite, productionMachine,
                List.of("DATABASE_SERVER")));
        announce("login.registered", played.login(login, "wfdr_backup", server, "env:WFDR_TEST_SQL_PASSWORD"));
        announce("database.registered", database(simpleDb, "TRANSFLO", "SIMPLE"));
        announce("database.registered", database(fullDb, fullDbName, "FULL"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + fullDb).then().statusCode(200)
                        .body("serverName", equalTo("SQLPROD01")));
    }

    /** An inventory event as inventory-service publishes it (checked against the AsyncAPI document). */
    void announce(String what, Map<String, Object> data) {
        played.announce(what, data);
    }

    Map<String, Object> database(String id, String name, String recoveryModel) {
        return played.database(id, name, "WORKFLOW", server, recoveryModel, 30, 240);
    }

    /** The Workflow database with a policy (15-minute logs, copies to the DR machine) and a connection. */
    Inventory withPolicyAndConnection() {
        as("operator").body(BackupPolicyTest.policy(15, drMachine)).put("/api/databases/" + fullDb + "/policy")
                .then().statusCode(200);
        as("operator").body(Map.of("loginId", login, "trustServerCertificate", true))
                .put("/api/sql-servers/" + server + "/connection").then().statusCode(200);
        return this;
    }

    /** Asks for a backup of the Workflow database; the operation's Location. */
    String backUp(String type, String idempotencyKey) {
        var request = as("operator").body(Map.of("databaseId", fullDb, "type", type));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.post("/api/backups").then().statusCode(202).extract().header("Location");
    }

    static void awaitStatus(String location, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get(location).then().statusCode(200).body("status", equalTo(status)));
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(BearerTokens.forRole(role)).contentType("application/json");
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
