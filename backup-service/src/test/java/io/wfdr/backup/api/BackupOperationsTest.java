package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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

/** On-demand backups against a test double of SQL Server at the adapter boundary (orchestration only). */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class BackupOperationsTest {

    @Inject
    FakeSqlServers sqlServer;

    private Inventory inventory;

    @BeforeEach
    void aDatabaseWithAPolicyAndAConnection() {
        inventory = Inventory.announced().withPolicyAndConnection();
    }

    @Test
    void aBackupOnDemandIsAcceptedRunsWithProgressAndLandsInTheCatalog() {
        String location = backUp("FULL", "k-" + Inventory.id()).then().statusCode(202)
                .body("status", equalTo("ACCEPTED"), "script", startsWith("BACKUP DATABASE [" + inventory.fullDbName + "]"))
                .extract().header("Location");
        Inventory.awaitStatus(location, "SUCCEEDED");
        as("viewer").get(location).then().body("percent", equalTo(100), "runType", equalTo("FULL"));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then()
                .body("chains", hasSize(1), "chains[0].full.type", equalTo("FULL"));
    }

    @Test
    void theBackupFileGoesOffsiteVerifiedWithAManifestThatDescribesIt() throws Exception {
        java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("wfdr-sql-backup");
        java.nio.file.Path offsite = java.nio.file.Files.createTempDirectory("wfdr-offsite");
        Map<String, Object> policy = BackupPolicyTest.policy(null, inventory.drMachine);
        policy.put("backupFolder", folder.toString());
        policy.put("backupFolderMount", folder.toString());
        policy.put("destinations", java.util.List.of(Map.of("path", offsite.toString(), "hostId", inventory.drMachine)));
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);

        String location = backUp("FULL", null).then().statusCode(202).extract().header("Location");
        Inventory.awaitStatus(location, "SUCCEEDED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get(location).then().body("copies", hasSize(1)));

        String fileName = as("viewer").get(location).then().extract().path("script");
        java.nio.file.Path backupFile;
        try (var files = java.nio.file.Files.list(folder)) {
            backupFile = files.findFirst().orElseThrow();
        }
        String sha256 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(java.nio.file.Files.readAllBytes(backupFile)));
        as("viewer").get(location).then().body("copies[0].sha256", equalTo(sha256),
                "copies[0].hostId", equalTo(inventory.drMachine), "copies[0].error", equalTo(null));
        assertTrue(fileName.contains(backupFile.getFileName().toString()));
        assertTrue(java.nio.file.Files.exists(offsite.resolve(backupFile.getFileName())));
        var manifests = new io.wfdr.spine.contract.ManifestStore().readAll(offsite);
        assertEquals(1, manifests.manifests().size());
        assertEquals(sha256, manifests.manifests().get(0).files().get(0).sha256());
        assertEquals(io.wfdr.spine.contract.BackupType.FULL, manifests.manifests().get(0).backup().type());

        as("viewer").get("/api/databases/" + inventory.fullDb + "/rpo").then().statusCode(200)
                .body("state", equalTo("MET"), "ageMinutes", equalTo(0), "targetMinutes", equalTo(30),
                        "newestRestorableBackupSetId", equalTo(manifests.manifests().get(0).backup().backupSetUuid()));
        as("viewer").get("/api/databases/" + inventory.simpleDb + "/rpo").then().body("state", equalTo("UNKNOWN"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                io.restassured.RestAssured.given().get("/q/metrics").then()
                        .body(containsString("wfdr_backup_rpo_age_seconds")));
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstOperation() {
        String key = "k-" + Inventory.id();
        String first = backUp("FULL", key).then().statusCode(202).extract().header("Location");
        Inventory.awaitStatus(first, "SUCCEEDED");
        int runs = sqlServer.executed.size();
        String second = backUp("FULL", key).then().statusCode(202).extract().header("Location");
        assertEquals(first, second);
        assertEquals(runs, sqlServer.executed.size(), "no second backup ran");
    }

    @Test
    void aDifferentialWithNoFullInTheCatalogRunsAsAFullAndSaysSo() {
        String location = backUp("DIFFERENTIAL", null).then().statusCode(202)
                .body("requestedType", equalTo("DIFFERENTIAL"), "runType", equalTo("FULL"),
                        "message", containsString("no usable full backup"))
                .extract().header("Location");
        Inventory.awaitStatus(location, "SUCCEEDED");
        String differential = backUp("DIFFERENTIAL", null).then().statusCode(202)
                .body("runType", equalTo("DIFFERENTIAL")).extract().header("Location");
        Inventory.awaitStatus(differential, "SUCCEEDED");
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then()
                .body("chains[0].differentials", hasSize(1), "breaks", hasSize(0));

        as("viewer").get("/api/databases/" + inventory.fullDb + "/policy").then()
                .body("restoreNow.backups", equalTo(2), "restoreNow.bytes", equalTo(2 * 128 * 1024),
                        "restoreNow.estimatedBytesAtWorst", org.hamcrest.Matchers.greaterThan(2 * 128 * 1024));
        as("viewer").get("/api/catalog?type=FULL&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("total", equalTo(1), "items[0].backupSize", equalTo("262144"),
                        "items[0].compressedBackupSize", equalTo("131072"), "items[0].hasBackupChecksums", equalTo(true),
                        "items[0].media.files[0].physicalDeviceName", startsWith("D:\\Backup\\TFLOWF\\SQLPROD01-"),
                        "items[0].logicalFiles", hasSize(2), "items[0].position", equalTo(1),
                        "items[0].source.databaseId", equalTo(inventory.fullDb),
                        "items[0].source.environmentId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void sqlServersErrorFailsTheOperationAndIsPublished() {
        sqlServer.failNextWith(3201, "Cannot open backup device 'D:\\Backup\\x.bak'. Operating system error 5.");
        String location = backUp("FULL", null).then().statusCode(202).extract().header("Location");
        Inventory.awaitStatus(location, "FAILED");
        as("viewer").get(location).then().body("message", containsString("Msg 3201"));
        String operationId = location.substring(location.lastIndexOf('/') + 1);
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.failed.v1".equals(TestTopics.header(r, "ce_type")) && r.value().contains(operationId)
                        && r.value().contains("\"errorNumber\":3201"), Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void theScriptOfABackupIsShownWithoutRunningIt() {
        int runs = sqlServer.executed.size();
        String script = as("viewer").queryParam("databaseId", inventory.fullDb).queryParam("type", "LOG")
                .get("/api/backups/script").then().statusCode(200).contentType(containsString("text/plain"))
                .extract().asString();
        assertTrue(script.startsWith("BACKUP LOG [" + inventory.fullDbName + "] TO DISK = N'D:\\Backup\\TFLOWF\\"), script);
        assertTrue(script.contains("RESTORE VERIFYONLY"), script);
        assertEquals(runs, sqlServer.executed.size());
    }

    @Test
    void aLogBackupUnderTheSimpleRecoveryModelIsRefused() {
        as("operator").body(Map.of("databaseId", inventory.simpleDb, "type", "LOG"))
                .post("/api/backups").then().statusCode(409).body("detail", containsString("4208"));
    }

    @Test
    void aViewerCannotStartABackup() {
        as("viewer").body(Map.of("databaseId", inventory.fullDb, "type", "FULL")).post("/api/backups")
                .then().statusCode(403);
    }

    private io.restassured.response.Response backUp(String type, String key) {
        var request = as("operator").body(Map.of("databaseId", inventory.fullDb, "type", type));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/backups");
    }
}
