package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.INVENTORY;
import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static io.wfdr.restore.api.Publish.inventory;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.restore.sqlserver.ServerFacts;
import io.wfdr.restore.sqlserver.SimulatedBackup;
import io.wfdr.restore.sqlserver.SimulatedProduction;
import io.wfdr.restore.sqlserver.SimulatedSqlServer;
import io.wfdr.restore.sqlserver.SimulatedSqlServers;
import io.wfdr.restore.sqlserver.SimulatedUser;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import jakarta.inject.Inject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guide's database recovery as one call: a runbook restores TFLOWF as TFLOWF_DR on a DR SQL Server that keeps
 * SQL Server's rules (the simulated server at the adapter boundary), creates the Workflow logins with production's
 * SIDs, and waits for an operator on the Windows steps the inventory gives it no way into.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class DatabaseRecoveryRunbookTest {

    private static final Path SECRETS = Path.of("/tmp/wfdr-restore-test-secrets");
    private static final String FORK = "F0000000-0000-4000-8000-000000000000";
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @Inject
    SimulatedSqlServers servers;

    private final String database = id();
    private final String production = id();
    private final String dr = id();
    private final String engine = id();
    private final String drEngine = id();
    private final String drLogin = id();
    private final String ownerLogin = id();
    private final String name = "TFLOWF" + database.substring(0, 4).toUpperCase();
    private final String drName = "SQLDR" + database.substring(0, 4).toUpperCase();
    private final byte[] ownerSid = sid(1);
    private final byte[] userSid = sid(2);
    private SimulatedSqlServer target;

    @BeforeEach
    void aProductionDatabaseBackedUpOffsiteAndAnEmptyDrSqlServer() throws Exception {
        Files.createDirectories(SECRETS);
        Files.writeString(SECRETS.resolve("tfwfowner"), "Owner-Pa55word");
        Files.writeString(SECRETS.resolve("tfwfuser"), "User-Pa55word");
        Files.writeString(SECRETS.resolve("wfdr"), "Wfdr-Pa55word");
        String productionSite = id();
        String drSite = id();
        inventory("site.registered", INVENTORY.site(productionSite, "Lakeland", "PRODUCTION"));
        inventory("site.registered", INVENTORY.site(drSite, "Atlanta", "DR"));
        inventory("server.registered", INVENTORY.server(production, "SQLPROD01", productionSite, null,
                List.of("DATABASE_SERVER")));
        inventory("server.registered", INVENTORY.server(dr, drName, drSite, null, List.of("DATABASE_SERVER")));
        inventory("server.registered", INVENTORY.server(engine, "IPEPROD01", productionSite, null,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        inventory("server.registered", INVENTORY.server(drEngine, "IPEDR01", drSite, null,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        inventory("pair.paired", Map.of("pair", INVENTORY.pair(id(), production, "SQLPROD01", dr, drName)));
        inventory("pair.paired", Map.of("pair", INVENTORY.pair(id(), engine, "IPEPROD01", drEngine, "IPEDR01")));
        inventory("database.registered", INVENTORY.database(database, name, "WORKFLOW", production, "FULL", 30, 240));
        inventory("login.registered", INVENTORY.login(ownerLogin, "tfwfowner", production, secret("tfwfowner")));
        inventory("login.registered", INVENTORY.login(id(), "tfwfuser", production, secret("tfwfuser")));
        inventory("login.registered", INVENTORY.login(drLogin, "wfdr", dr, secret("wfdr")));
        inventory("dsn.registered", INVENTORY.dsn(id(), "TFLOWF", drEngine, 32, dr, name, ownerLogin));

        SimulatedProduction tflowf = new SimulatedProduction(name).activityAt(NOON.minusSeconds(600))
                .user(SimulatedUser.sql("tfwfowner", ownerSid)).user(SimulatedUser.sql("tfwfuser", userSid));
        SimulatedBackup full = tflowf.full();
        SimulatedBackup differential = tflowf.differential();
        target = servers.server(drName).facts(new ServerFacts("15.0.4261.1", 15, "Standard Edition", "D:\\Data\\",
                "L:\\Log\\", "\\")).folder("D:\\Data\\", 50L << 30).folder("L:\\Log\\", 50L << 30);
        publish(full, BackupType.FULL, null, NOON.minusSeconds(3600), drSite);
        publish(differential, BackupType.DIFFERENTIAL, full.backupSetGuid(), NOON, drSite);
        target.media(restorePath(full), full);
        target.media(restorePath(differential), differential);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/reachable").then().statusCode(200)
                        .body("latest", equalTo(NOON.toString())));
    }

    @Test
    void theRunbookRestoresUnderTheNewNameCreatesTheLoginsWithProductionSidsAndWaitsForTheOperatorOnWindows() {
        String location = as("operator").header("Idempotency-Key", "INC-4711-" + database)
                .body(request()).post("/api/restores").then().statusCode(202)
                .header("Location", containsString("/api/restores/")).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        awaitStatus(id, "WAITING_FOR_OPERATOR");
        assertEquals(1, target.loginsCreated("tfwfowner"), "CREATE LOGIN tfwfowner ran once");
        assertEquals(1, target.recoveries(name + "_DR"), "RESTORE … WITH RECOVERY ran once");
        assertTrue(target.database(name + "_DR").orElseThrow().online());
        as("viewer").get("/api/restores/" + id).then().statusCode(200)
                .body("steps[2].status", equalTo("DONE"), "steps[3].outcome", containsString("created tfwfowner"),
                        "steps[5].manual", equalTo(true), "steps[5].status", equalTo("WAITING"));

        for (int step = 6; step <= 9; step++) {
            as("operator").body(Map.of("note", "done by hand on IPEDR01"))
                    .post("/api/restores/" + id + "/steps/" + step + "/complete").then().statusCode(200);
            awaitStepNotWaiting(id, step);
        }
        awaitStatus(id, "RESTORED_NOT_VERIFIED");
        as("viewer").get("/api/restores/" + id).then()
                .body("outcome", containsString("services: cannot be checked"),
                        "outcome", containsString(name + "_DR ONLINE, MULTI_USER, FULL"),
                        "outcome", containsString("DBCC CHECKDB PHYSICAL_ONLY clean"));
        as("approver").get("/api/audit?resourceId=" + id + "&size=100").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("runbook.step.started"));
    }

    @Test
    void theScriptShowsEveryStatementBeforeAnythingRunsAndNeverAPassword() {
        String location = as("operator").body(request()).post("/api/restores").then().statusCode(202)
                .extract().header("Location");
        String script = as("viewer").get(location + "/script").then().statusCode(200).extract().asString();
        assertTrue(script.contains("RESTORE DATABASE [" + name + "_DR] FROM DISK"), script);
        assertTrue(script.contains("CREATE LOGIN [tfwfowner] WITH PASSWORD = N'<secret " + secret("tfwfowner")), script);
        assertTrue(script.contains("ALTER USER [tfwfowner] WITH LOGIN = [tfwfowner]"), script);
        assertTrue(!script.contains("Owner-Pa55word"), "no password in the script");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstRunbookBack() {
        String key = "retry-" + database;
        String first = as("operator").header("Idempotency-Key", key).body(request()).post("/api/restores").then()
                .statusCode(202).extract().path("id");
        as("operator").header("Idempotency-Key", key).body(request()).post("/api/restores").then().statusCode(202)
                .body("id", equalTo(first));
    }

    private Map<String, Object> request() {
        return Map.of("plan", Map.of("databaseId", database), "ticketId", "INC-4711", "reason",
                "production database server lost", "connection", Map.of("loginId", drLogin, "encrypt", false));
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("viewer").get("/api/restores/" + id).then().body("status", equalTo(status)));
    }

    private void awaitStepNotWaiting(String id, int step) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/restores/" + id).then().body("steps[" + (step - 1) + "].status",
                        not(equalTo("WAITING"))));
    }

    private void publish(SimulatedBackup backup, BackupType type, String base, Instant at, String site) {
        List<BackupSet.LogicalFile> files = type == BackupType.FULL ? List.of(
                new BackupSet.LogicalFile(1, name, "D", "PRIMARY", 512L << 20, "E:\\SQLData\\" + name + ".mdf"),
                new BackupSet.LogicalFile(2, name + "_log", "L", null, 128L << 20, "F:\\SQLLogs\\" + name + "_log.ldf"))
                : List.of();
        BackupSet set = new BackupSet(backup.backupSetGuid(), name, type, false, 1, backup.firstLsn(),
                backup.lastLsn(), null, null, null, base, FORK, FORK, null, false, false, false, false, false, true,
                at.minusSeconds(30), at, 0, 8_000_000, 4_000_000, BackupSet.Media.disk(List.of("D:\\Backup\\"
                + backup.backupSetGuid() + ".bak")), files, null, new BackupSet.SourceDatabase(database, production,
                null, null, null, "SQLPROD01", null, "FULL", 150, "15.0.4261.1", null));
        Map<String, Object> cataloged = new HashMap<>();
        cataloged.put("databaseId", database);
        cataloged.put("operationId", null);
        cataloged.put("origin", "OWN_BACKUP");
        cataloged.put("verifyOnly", "PASSED");
        cataloged.put("expired", false);
        cataloged.put("backupSet", set);
        Publish.backupEvent(database, "wfdr.backup.cataloged.v1", cataloged);
        Publish.backupEvent(database, "wfdr.backup.copied.v1", Map.of("operationId", id(), "databaseId", database,
                "copy", Map.of("copyId", id(), "backupSetUuid", set.backupSetUuid(), "stripe", 1, "hostId", id(),
                        "siteId", site, "path", "/mnt/x/" + set.backupSetUuid() + ".bak",
                        "restorePath", restorePath(backup), "sha256", "ab".repeat(32), "bytes", "4000000")));
    }

    private static String restorePath(SimulatedBackup backup) {
        return "\\\\nas-dr\\sql\\" + backup.backupSetGuid() + ".bak";
    }

    private static String secret(String file) {
        return "file:" + SECRETS.resolve(file);
    }

    private static byte[] sid(int seed) {
        byte[] sid = new byte[16];
        java.util.Arrays.fill(sid, (byte) seed);
        return sid;
    }
}
