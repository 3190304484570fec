package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a restore planner relies on: every backup SQL Server took is cataloged and published whole, whatever follows. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class BackupContractTest {

    @Inject
    FakeSqlServers sqlServer;

    private Inventory inventory;

    @BeforeEach
    void aDatabaseWithAPolicyAndAConnection() {
        inventory = Inventory.announced().withPolicyAndConnection();
    }

    @Test
    void aBackupWhoseVerifyOnlyFailsIsStillInTheCatalogAndTheFailureNamesIt() {
        sqlServer.failNext("RESTORE VERIFYONLY", 3241, "The media family on device is incorrectly formed.");
        String location = inventory.backUp("FULL", null);
        Inventory.awaitStatus(location, "FAILED");
        String backupSet = as("viewer").get(location).then().body("verifyOnly", equalTo("FAILED"),
                "message", containsString("is in the catalog"), "backupSetUuid", notNullValue())
                .extract().path("backupSetUuid");
        as("viewer").get("/api/catalog?databaseId=" + inventory.fullDb).then()
                .body("total", equalTo(1), "items[0].backupSetUuid", equalTo(backupSet));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.cataloged.v1".equals(TestTopics.header(r, "ce_type")) && r.value().contains(backupSet),
                Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void theOperationsOwnBackupIsFoundByItsFileNotAsTheNewestOfItsType() {
        String location = inventory.backUp("FULL", null);
        Inventory.awaitStatus(location, "SUCCEEDED");
        var other = sqlServer.backupByAnotherTool(inventory.fullDbName, io.wfdr.spine.contract.BackupType.FULL);
        String ours = as("viewer").get(location).then().extract().path("backupSetUuid");
        String device = as("viewer").get(location).then().extract().path("devicePath");
        assertTrue(!other.backupSetUuid().equals(ours));
        assertEquals(ours, sqlServer.msdb(inventory.fullDbName).stream()
                .filter(s -> s.media().mirror(0).contains(device)).findFirst().orElseThrow().backupSetUuid());
    }

    @Test
    void anIdempotencyKeyReusedForAnotherRequestIs422AndStartsNothing() {
        String key = "k-" + Inventory.id();
        inventory.backUp("FULL", key);
        int runs = sqlServer.executed.size();
        as("operator").header("Idempotency-Key", key).body(Map.of("databaseId", inventory.fullDb, "type", "LOG"))
                .post("/api/backups").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("another request"));
        assertTrue(sqlServer.executed.size() <= runs + 2, "no backup for the refused request");
    }

    @Test
    void aDifferentialCopyOnlyIsRefusedWithSqlServersReason() {
        as("operator").body(Map.of("databaseId", inventory.fullDb, "type", "DIFFERENTIAL", "copyOnly", true))
                .post("/api/backups").then().statusCode(400)
                .body("errors[0].field", equalTo("copyOnly"), "detail", containsString("COPY_ONLY is ignored"));
    }

    @Test
    void afterAFailoverTheBackupConnectsToTheNameTheServerCarriesNow() {
        inventory.announce("server.renamed", Map.of("serverId", inventory.server, "fromName", "SQLPROD01",
                "toName", "SQLDR01", "reason", "failover"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + inventory.fullDb).then().body("serverName", equalTo("SQLDR01")));
        int before = sqlServer.hosts.size();
        Inventory.awaitStatus(inventory.backUp("FULL", null), "SUCCEEDED");
        assertEquals(List.of("SQLDR01"), sqlServer.hosts.subList(before, sqlServer.hosts.size()).stream().distinct()
                .toList());
    }

    @Test
    void everyDestinationOfThePolicyGetsItsOwnVerifiedCopy() throws Exception {
        Path folder = Files.createTempDirectory("wfdr-sql-backup");
        Path dr = Files.createTempDirectory("wfdr-dr-nas");
        Path second = Files.createTempDirectory("wfdr-second");
        Map<String, Object> policy = BackupPolicyTest.policy(null, inventory.drMachine);
        policy.put("backupFolder", folder.toString());
        policy.put("backupFolderMount", folder.toString());
        policy.put("destinations", List.of(
                Map.of("path", dr.toString(), "hostId", inventory.drMachine, "sqlServerPath", "\\\\nas-dr\\sql"),
                Map.of("path", second.toString(), "hostId", inventory.productionMachine)));
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);

        String location = inventory.backUp("FULL", null);
        Inventory.awaitStatus(location, "SUCCEEDED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("viewer").get(location).then()
                .body("copies", hasSize(2), "copies.state", org.hamcrest.Matchers.everyItem(equalTo("VERIFIED"))));
        String file = as("viewer").get(location).then().extract().path("devicePath");
        String name = Path.of(file).getFileName().toString();
        assertTrue(Files.exists(dr.resolve(name)) && Files.exists(second.resolve(name)));
        as("viewer").get(location).then().body("copies.restorePath",
                org.hamcrest.Matchers.hasItem("\\\\nas-dr\\sql\\" + name));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.copied.v1".equals(TestTopics.header(r, "ce_type"))
                        && r.value().contains("\\\\\\\\nas-dr\\\\sql\\\\" + name) && r.value().contains(inventory.drSite),
                Duration.ofSeconds(30)).isPresent(), "the copied event says where a DR SQL Server opens the file");
    }

    @Test
    void aFailedCopyIsReportedAndScheduledForAnotherAttempt() throws Exception {
        Path folder = Files.createTempDirectory("wfdr-sql-backup");
        Map<String, Object> policy = BackupPolicyTest.policy(null, inventory.drMachine);
        policy.put("backupFolder", folder.toString());
        policy.put("backupFolderMount", folder.resolve("not-mounted").toString());
        policy.put("destinations", List.of(Map.of("path", folder.resolve("dr").toString(), "hostId",
                inventory.drMachine)));
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        String location = inventory.backUp("FULL", null);
        Inventory.awaitStatus(location, "SUCCEEDED");
        as("viewer").get(location).then().body("copies[0].state", equalTo("PENDING"), "copies[0].attempts", equalTo(1),
                "copies[0].nextAttemptAt", notNullValue(), "copies[0].error", notNullValue());
        String operationId = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.copy-failed.v1".equals(TestTopics.header(r, "ce_type"))
                        && r.value().contains(operationId) && r.value().contains("\"attempt\":1"),
                Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void operationsAreListedForPipelinesThatPoll() {
        Inventory.awaitStatus(inventory.backUp("FULL", null), "SUCCEEDED");
        as("viewer").queryParam("databaseId", inventory.fullDb).queryParam("status", "SUCCEEDED")
                .queryParam("type", "FULL").get("/api/operations").then().statusCode(200)
                .body("total", equalTo(1), "items[0].databaseId", equalTo(inventory.fullDb));
        as("viewer").queryParam("databaseId", inventory.fullDb).queryParam("status", "FAILED")
                .get("/api/operations").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void verifyingEveryDatabasesCopiesIsNotA500() {
        as("operator").post("/api/catalog/verify").then().statusCode(200).body("notIntact", notNullValue());
    }

    @Test
    void anUnknownRpoSaysWhy() {
        as("viewer").get("/api/databases/" + inventory.fullDb + "/rpo").then().statusCode(200)
                .body("state", equalTo("UNKNOWN"), "reason", containsString("backupFolderMount"));
    }

    @Test
    void theDatabasesArePagedLikeEveryList() {
        as("viewer").queryParam("size", 1).get("/api/databases").then().statusCode(200)
                .body("items", hasSize(1), "size", equalTo(1), "total", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
    }
}
