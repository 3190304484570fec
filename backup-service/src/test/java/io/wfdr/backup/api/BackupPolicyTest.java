package io.wfdr.backup.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Policies on databases the backup service learnt of from inventory events on the real broker. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class BackupPolicyTest {

    private Inventory inventory;
    private String simpleDb;
    private String fullDb;
    private String drMachine;
    private String productionMachine;
    private String server;

    @BeforeEach
    void inventoryAnnouncesAnEnvironment() {
        inventory = Inventory.announced();
        simpleDb = inventory.simpleDb;
        fullDb = inventory.fullDb;
        drMachine = inventory.drMachine;
        productionMachine = inventory.productionMachine;
        server = inventory.server;
    }

    @Test
    void logBackupsAreRefusedUnderTheSimpleRecoveryModelWithTheReason() {
        as("operator").body(policy(15, drMachine)).put("/api/databases/" + simpleDb + "/policy")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("logMinutes"), "errors[0].message", containsString("4208"));
    }

    @Test
    void aDailyPolicyWithCopiesAtTheDrSiteShowsItsTradeOffAndNoWarning() {
        Map<String, Object> policy = policy(15, drMachine);
        policy.put("backupFolderMount", "/mnt/sql-backup/TFLOWF");
        as("operator").body(policy).put("/api/databases/" + fullDb + "/policy")
                .then().statusCode(200)
                .body("tradeOff.worstCaseDataLossMinutes", equalTo(15), "tradeOff.backupsToApplyAtWorst", equalTo(10),
                        "tradeOff.meetsRpo", equalTo(true), "warnings", empty(), "paused", equalTo(false));
        as("viewer").get("/api/databases/" + fullDb).then().body("policy", equalTo("ACTIVE"));
    }

    @Test
    void aPolicyThatCanNeverCopyOffsiteSaysSoAndDoesNotMeetItsRpo() {
        as("operator").body(policy(15, drMachine)).put("/api/databases/" + fullDb + "/policy")
                .then().statusCode(200)
                .body("tradeOff.meetsRpo", equalTo(false), "warnings[0]", containsString("no backupFolderMount"));
    }

    @Test
    void thePhysicalDrSqlServerItselfCanBeADestination() {
        String drSql = Inventory.id();
        inventory.announce("server.registered", inventory.played.server(drSql, "SQLDR01", inventory.drSite, null,
                List.of("DATABASE_SERVER")));
        Map<String, Object> policy = policy(15, drSql);
        policy.put("backupFolderMount", "/mnt/sql-backup/TFLOWF");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(policy).put("/api/databases/" + fullDb + "/policy").then().statusCode(200)
                        .body("warnings", empty()));
    }

    @Test
    void aDatabaseNameTheTSqlBuilderCannotQuoteIsRefusedWhenThePolicyIsSaved() {
        String db = Inventory.id();
        inventory.announce("database.registered", inventory.played.database(db, "TFLOWF\u0007BELL", "WORKFLOW",
                server, "FULL", 30, 240));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + db).then().statusCode(200));
        Map<String, Object> policy = policy(15, drMachine);
        policy.put("encryptionCertificate", "cert\u0001");
        as("operator").body(policy).put("/api/databases/" + db + "/policy").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("databaseId", "encryptionCertificate"));
    }

    @Test
    void maxTransferSizeMustBeAMultipleOf64Kb() {
        Map<String, Object> policy = policy(15, drMachine);
        policy.put("maxTransferSize", 100_000);
        as("operator").body(policy).put("/api/databases/" + fullDb + "/policy").then().statusCode(400)
                .body("errors[0].field", equalTo("maxTransferSize"));
        policy.put("maxTransferSize", 1_048_576);
        policy.put("bufferCount", 32);
        as("operator").body(policy).put("/api/databases/" + fullDb + "/policy").then().statusCode(200)
                .body("policy.maxTransferSize", equalTo(1_048_576), "policy.bufferCount", equalTo(32));
    }

    @Test
    void copiesOnlyOnTheDatabasesOwnMachineAndSiteAreAcceptedWithWarnings() {
        as("operator").body(policy(null, productionMachine)).put("/api/databases/" + fullDb + "/policy")
                .then().statusCode(200)
                .body("warnings", hasSize(3), "warnings", hasItem(containsString("another physical machine")));
    }

    @Test
    void aDestinationOnAnUnknownMachineIsRefused() {
        as("operator").body(policy(null, "no-such-machine")).put("/api/databases/" + fullDb + "/policy")
                .then().statusCode(400).body("errors[0].field", equalTo("destinations[0].hostId"));
    }

    @Test
    void aPolicyCanBePausedAndResumedOnce() {
        as("operator").body(policy(null, drMachine)).put("/api/databases/" + fullDb + "/policy").then().statusCode(200);
        as("operator").post("/api/databases/" + fullDb + "/policy/pause").then().statusCode(200)
                .body("paused", equalTo(true));
        as("operator").post("/api/databases/" + fullDb + "/policy/pause").then().statusCode(409);
        as("viewer").get("/api/databases/" + fullDb).then().body("policy", equalTo("PAUSED"));
        as("operator").post("/api/databases/" + fullDb + "/policy/resume").then().statusCode(200)
                .body("paused", equalTo(false));
        as("viewer").post("/api/databases/" + fullDb + "/policy/pause").then().statusCode(403);
    }

    @Test
    void aBadScheduleAndFolderAreListedTogether() {
        Map<String, Object> body = policy(null, drMachine);
        body.put("full", Map.of("kind", "WEEKLY", "time", "02:00"));
        body.put("backupFolder", "Backup\\relative");
        as("operator").body(body).put("/api/databases/" + fullDb + "/policy").then().statusCode(400)
                .body("errors.field", hasItem("full.day"), "errors.field", hasItem("backupFolder"));
    }

    @Test
    void aFailoverRenameReachesTheBackupServicesView() {
        inventory.announce("server.renamed", Map.of("serverId", server, "fromName", "SQLPROD01", "toName", "SQLDR01",
                "reason", "failover"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + fullDb).then().body("serverName", equalTo("SQLDR01")));
    }

    static Map<String, Object> policy(Integer logMinutes, String hostId) {
        Map<String, Object> body = new HashMap<>();
        body.put("full", Map.of("kind", "DAILY", "time", "02:00", "timeZone", "America/New_York"));
        body.put("differentialMinutes", 120);
        if (logMinutes != null) {
            body.put("logMinutes", logMinutes);
        }
        body.put("backupFolder", "D:\\Backup\\TFLOWF");
        body.put("destinations", List.of(Map.of("path", "/mnt/offsite/TFLOWF", "hostId", hostId)));
        body.put("retentionDays", 14);
        return body;
    }

    static RequestSpecification as(String role) {
        return Inventory.as(role);
    }
}
