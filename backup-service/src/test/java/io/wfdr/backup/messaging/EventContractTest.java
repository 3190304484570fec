package io.wfdr.backup.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.backup.service.ScheduledBackupsProbe;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.ManifestStore;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Every event the backup service publishes reads back through the AsyncAPI document's schemas, with unknown
 * properties refused: the document is the contract a restore planner codes against. The test makes the service
 * publish every type it has, then reads the whole topic from its beginning.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class EventContractTest {

    private static final Set<String> EVERY_TYPE = Set.of("wfdr.backup.started.v1", "wfdr.backup.cataloged.v1",
            "wfdr.backup.completed.v1", "wfdr.backup.failed.v1", "wfdr.backup.copied.v1",
            "wfdr.backup.copy-failed.v1", "wfdr.backup.verified.v1", "wfdr.backup.expired.v1",
            "wfdr.backup.rpo-breached.v1", "wfdr.backup.rpo-restored.v1", "wfdr.backup.slots-missed.v1",
            "wfdr.backup.republished.v1", "wfdr.backup.command.rejected.v1", "wfdr.backup.policy-changed.v1");

    @Inject
    FakeSqlServers sqlServer;

    @Inject
    ScheduledBackupsProbe scheduler;

    private final String server = id();
    private final String login = id();
    private final String drSite = id();
    private final String drMachine = id();
    private final String workflowDb = id();
    private final String transfloDb = id();
    private final String workflowName = "TFLOWF" + workflowDb.substring(0, 4).toUpperCase();
    private final String transfloName = "TRANSFLO" + transfloDb.substring(0, 4).toUpperCase();

    @Test
    void everyPublishedEventReadsBackThroughTheAsyncApiSchemasWithUnknownPropertiesRefused() throws Exception {
        AsyncApiSchemas schemas = AsyncApiSchemas.ofThisCheckout();
        EVERY_TYPE.forEach(type -> assertTrue(schemas.documents(type), type + " is not in the AsyncAPI document"));
        makeTheServicePublishEveryType();

        List<String> problems = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            problems.clear();
            seen.clear();
            for (var record : TestTopics.ofTestBroker().readAll("wfdr.backup.events", Duration.ofSeconds(3))) {
                String type = TestTopics.header(record, "ce_type");
                seen.add(type);
                problems.addAll(schemas.problems(type, record.value()));
            }
            assertTrue(seen.containsAll(EVERY_TYPE), "not published yet: " + missing(seen));
        });
        assertEquals(List.of(), problems);
    }

    @Test
    void aReaderOfTheSchemasRefusesAPropertyTheDocumentDoesNotName() throws Exception {
        AsyncApiSchemas schemas = AsyncApiSchemas.ofThisCheckout();
        String started = new ObjectMapper().writeValueAsString(Map.of("operationId", id(), "databaseId", id(),
                "database", "TFLOWF", "type", "FULL", "copyOnly", false, "baseForDifferentials", true));
        assertTrue(schemas.problems("wfdr.backup.started.v1", started).stream()
                .anyMatch(p -> p.contains("baseForDifferentials")));
        String lsnAsNumber = "{\"backupSetUuid\":\"X\",\"firstLsn\":12345678901234567890123}";
        assertTrue(!schemas.problems("wfdr.backup.cataloged.v1", "{\"databaseId\":\"d\",\"operationId\":null,"
                + "\"origin\":\"REPUBLISH\",\"verifyOnly\":\"NOT_RUN\",\"expired\":false,\"backupSet\":" + lsnAsNumber
                + "}").isEmpty());
    }

    private void makeTheServicePublishEveryType() throws Exception {
        announceTheInventory();
        Path sqlFolder = Files.createTempDirectory("wfdr-contract-sql");
        Path drNas = Files.createTempDirectory("wfdr-contract-dr");
        as("operator").body(Map.of("loginId", login)).put("/api/sql-servers/" + server + "/connection").then()
                .statusCode(200);
        as("operator").body(policy(sqlFolder.toString(), drNas, 15)).put("/api/databases/" + workflowDb + "/policy")
                .then().statusCode(200);

        String full = backUp(workflowDb, "FULL");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("viewer").get(full).then()
                .body("copies", hasSize(1), "copies[0].state", equalTo("VERIFIED")));
        as("operator").post("/api/catalog/verify?databaseId=" + workflowDb).then().statusCode(200);
        sqlServer.failNextWith(3201, "Cannot open backup device. Operating system error 5.");
        awaitStatus(backUp(workflowDb, "FULL"), "FAILED");
        as("operator").body(policy(sqlFolder.resolve("not-mounted").toString(), drNas, 15))
                .put("/api/databases/" + workflowDb + "/policy").then().statusCode(200);
        awaitStatus(backUp(workflowDb, "LOG"), "SUCCEEDED");
        scheduler.runDue(Instant.parse("2026-11-25T07:01:00Z"), Instant.parse("2026-11-25T09:01:00Z"));

        Path rebuilt = Files.createTempDirectory("wfdr-contract-rebuild");
        String old = oldFull(rebuilt, 40);
        oldFull(rebuilt, 20);
        oldFull(rebuilt, 1);
        Map<String, Object> transflo = policy(sqlFolder.toString(), drNas, null);
        as("operator").body(transflo).put("/api/databases/" + transfloDb + "/policy").then().statusCode(200);
        as("operator").body(Map.of("path", rebuilt.toString(), "hostId", drMachine)).post("/api/catalog/rebuild")
                .then().statusCode(200).body("imported", equalTo(3));
        as("admin").post("/api/databases/" + transfloDb + "/retention/apply").then().statusCode(200);
        assertTrue(!Files.exists(rebuilt.resolve(old + ".bak")));
        awaitEvent("wfdr.backup.rpo-breached.v1", transfloDb);
        String fresh = backUp(transfloDb, "FULL");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("viewer")
                .get("/api/databases/" + transfloDb + "/rpo").then().body("state", equalTo("MET")));
        awaitStatus(fresh, "SUCCEEDED");
        awaitEvent("wfdr.backup.rpo-restored.v1", transfloDb);

        as("admin").post("/api/catalog/republish?databaseId=" + workflowDb).then().statusCode(202);
        TestTopics.ofTestBroker().send("wfdr.backup.commands", "x", "{\"databaseId\":\"no-such-database\"}",
                Map.of("ce_specversion", "1.0", "ce_id", id(), "ce_type", "wfdr.backup.republish.v1",
                        "ce_source", "/wfdr/restore-service", "ce_actor", "dba.jones", "content-type", "application/json"));
    }

    private String oldFull(Path destination, int daysAgo) throws Exception {
        String backupSet = UUID.randomUUID().toString().toUpperCase();
        byte[] bytes = backupSet.getBytes();
        Files.write(destination.resolve(backupSet + ".bak"), bytes);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(bytes));
        BackupSet set = BackupSet.ofChain(backupSet, transfloName, BackupType.FULL, false,
                BigDecimal.valueOf((100 - daysAgo) * 1000L), BigDecimal.valueOf((100 - daysAgo) * 1000L + 10), null, null, "F", "F",
                Instant.now().minus(Duration.ofDays(daysAgo)), false);
        new ManifestStore().write(destination, new BackupManifest(BackupManifest.VERSION, Instant.now(), "SQLPROD01",
                set, List.of(new BackupManifest.ManifestFile(1, backupSet + ".bak", bytes.length, sha))));
        return backupSet;
    }

    private void announceTheInventory() {
        String productionSite = id();
        PlayedInventory inventory = PlayedInventory.onTheTestBroker();
        inventory.announce("site.registered", inventory.site(productionSite, "Lakeland", "PRODUCTION"));
        inventory.announce("site.registered", inventory.site(drSite, "Atlanta", "DR"));
        inventory.announce("host.registered", inventory.machine(drMachine, "nas-dr", drSite));
        inventory.announce("server.registered", inventory.server(server, "SQLPROD01", productionSite, null,
                List.of("DATABASE_SERVER")));
        inventory.announce("login.registered", inventory.login(login, "wfdr_backup", server,
                "env:WFDR_TEST_SQL_PASSWORD"));
        inventory.announce("database.registered", inventory.database(workflowDb, workflowName, "WORKFLOW", server,
                "FULL", 30, 240));
        inventory.announce("database.registered", inventory.database(transfloDb, transfloName, "TRANSFLO", server,
                "SIMPLE", 30, 240));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + transfloDb).then().statusCode(200));
    }

    private Map<String, Object> policy(String folder, Path destination, Integer logMinutes) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("full", Map.of("kind", "DAILY", "time", "02:00", "timeZone", "America/New_York"));
        body.put("differentialMinutes", 120);
        if (logMinutes != null) {
            body.put("logMinutes", logMinutes);
        }
        body.put("backupFolder", folder);
        body.put("backupFolderMount", folder);
        body.put("destinations", List.of(Map.of("path", destination.toString(), "hostId", drMachine)));
        body.put("retentionDays", 14);
        return body;
    }

    private String backUp(String databaseId, String type) {
        return as("operator").body(Map.of("databaseId", databaseId, "type", type)).post("/api/backups").then()
                .statusCode(202).extract().header("Location");
    }

    private static void awaitStatus(String location, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get(location).then().statusCode(200).body("status", equalTo(status)));
    }

    private static void awaitEvent(String type, String databaseId) {
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events", r -> type.equals(TestTopics.header(r,
                "ce_type")) && r.value().contains(databaseId), Duration.ofSeconds(40)).isPresent(), type);
    }

    private static Set<String> missing(Set<String> seen) {
        Set<String> missing = new TreeSet<>(EVERY_TYPE);
        missing.removeAll(seen);
        return missing;
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(BearerTokens.forRole(role)).contentType("application/json");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
