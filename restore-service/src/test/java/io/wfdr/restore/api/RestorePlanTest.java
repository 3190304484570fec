package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static io.wfdr.restore.api.Publish.INVENTORY;
import static io.wfdr.restore.api.Publish.inventory;
import static io.wfdr.restore.api.Publish.send;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
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
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.ContractJson;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Restore plans made from the restore service's own catalog, as a DBA at 3 a.m. would ask for them. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class RestorePlanTest {

    private static final String FORK = "F0000000-0000-4000-8000-000000000000";
    private static final Instant MIDNIGHT = Instant.parse("2026-11-30T00:00:00Z");

    private final String database = id();
    private final String production = id();
    private final String dr = id();
    private final String productionSite = id();
    private final String drSite = id();
    private final String name = "TFLOWF" + database.substring(0, 4).toUpperCase();
    private BackupSet full;
    private BackupSet differential;
    private BackupSet log1;
    private BackupSet log2;

    @BeforeEach
    void anEnvironmentWithAPairAndABackedUpDatabase() {
        inventory("site.registered", INVENTORY.site(productionSite, "Lakeland", "PRODUCTION"));
        inventory("site.registered", INVENTORY.site(drSite, "Atlanta", "DR"));
        inventory("server.registered", INVENTORY.server(production, "SQLPROD01", productionSite, null,
                List.of("DATABASE_SERVER")));
        inventory("server.registered", INVENTORY.server(dr, "SQLDR01", drSite, null, List.of("DATABASE_SERVER")));
        inventory("pair.paired", Map.of("pair", INVENTORY.pair(id(), production, "SQLPROD01", dr, "SQLDR01")));
        inventory("database.registered", INVENTORY.database(database, name, "WORKFLOW", production, "FULL", 30,
                240));
        full = set(BackupType.FULL, 100, 200, 0, null, true);
        differential = set(BackupType.DIFFERENTIAL, 200, 300, 60, full.backupSetUuid(), false);
        log1 = set(BackupType.LOG, 250, 350, 90, null, false);
        log2 = set(BackupType.LOG, 350, 450, 120, null, false);
        for (BackupSet set : List.of(full, differential, log1, log2)) {
            cataloged(set);
            copied(set, drSite, "\\\\nas-dr\\sql\\");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/reachable").then().statusCode(200)
                        .body("latest", equalTo(MIDNIGHT.plusSeconds(7200).toString())));
    }

    @Test
    void theLatestPlanIsTheFullTheDifferentialAndTheLogsOnThePairedDrServerUnderTheDrName() {
        String location = as("operator").body(Map.of("databaseId", database)).post("/api/restore-plans").then()
                .statusCode(201).header("Location", containsString("/api/restore-plans/"))
                .body("plan.newName", equalTo(name + "_DR"), "plan.target.serverName", equalTo("SQLDR01"),
                        "plan.steps", hasSize(4), "plan.steps[0].type", equalTo("FULL"),
                        "plan.steps[1].backupSetUuid", equalTo(differential.backupSetUuid()),
                        "plan.steps[3].stopAt", equalTo(null), "plan.steps[0].files[0].path",
                        startsWith("\\\\nas-dr\\sql\\"), "plan.moves", hasSize(2),
                        "plan.moves[0].physicalName", equalTo(name + "_DR.mdf"),
                        "plan.moves[1].physicalName", equalTo(name + "_DR_log.ldf"),
                        "plan.prediction.measured", equalTo(false), "plan.reachable.latest",
                        equalTo(MIDNIGHT.plusSeconds(7200).toString()), "stale", equalTo(false))
                .extract().header("Location");
        as("viewer").get(location).then().statusCode(200).body("plan.warnings", hasItem(containsString("thumbprint")));
        as("viewer").get("/api/restore-plans?databaseId=" + database).then().body("total", equalTo(1));
    }

    @Test
    void aPointInTimeStopsInsideTheLogThatCoversItAndTheScriptSaysSo() {
        String point = MIDNIGHT.plusSeconds(100 * 60).toString();
        String location = as("operator").body(Map.of("databaseId", database, "pointInTime", point))
                .post("/api/restore-plans").then().statusCode(201)
                .body("plan.steps", hasSize(4), "plan.steps[3].stopAt", equalTo(point), "plan.restoresTo", equalTo(point))
                .extract().header("Location");
        String script = as("viewer").get(location + "/script").then().statusCode(200)
                .contentType(containsString("text/plain")).extract().asString();
        String target = "[" + name + "_DR]";
        assertTrue(script.contains("RESTORE DATABASE " + target + " FROM DISK = N'\\\\nas-dr\\sql\\"), script);
        assertTrue(script.contains("MOVE N'" + name + "' TO @move1, MOVE N'" + name + "_log' TO @move2"), script);
        assertTrue(script.contains("RESTORE LOG " + target), script);
        assertTrue(script.contains("STOPAT = @stopat"), script);
        assertTrue(script.contains("CAST(N'2026-11-30T01:40:00.000' AS datetime2)"), script);
        assertTrue(script.endsWith("RESTORE DATABASE " + target + " WITH RECOVERY;\n"), script);
        assertTrue(script.indexOf("NORECOVERY") < script.indexOf("WITH RECOVERY"));
    }

    @Test
    void aPointTheCatalogCannotReachIs422NamingThatTime() {
        String before = MIDNIGHT.minusSeconds(3600).toString();
        as("operator").body(Map.of("databaseId", database, "pointInTime", before)).post("/api/restore-plans").then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString(before));
    }

    @Test
    void badInputIs400AndChangesNothing() {
        as("operator").body(Map.of("databaseId", database, "pointInTime", "yesterday")).post("/api/restore-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("pointInTime"));
        as("operator").body(Map.of("databaseId", database, "newName", "TFLOWF\u0001")).post("/api/restore-plans")
                .then().statusCode(400).body("errors[0].field", equalTo("newName"));
        as("operator").body(Map.of("databaseId", database, "dataFolder", "relative")).post("/api/restore-plans")
                .then().statusCode(400);
        as("viewer").body(Map.of("databaseId", database)).post("/api/restore-plans").then().statusCode(403);
        as("viewer").get("/api/restore-plans?databaseId=" + database).then().body("total", equalTo(0));
    }

    @Test
    void aPlanMadeFromACatalogThatHasChangedSinceSaysItIsStale() {
        String location = as("operator").body(Map.of("databaseId", database)).post("/api/restore-plans").then()
                .statusCode(201).extract().header("Location");
        BackupSet log3 = set(BackupType.LOG, 450, 550, 150, null, false);
        cataloged(log3);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get(location).then().body("stale", equalTo(true)));
    }

    @Test
    void theCopyAtTheTargetsSiteIsChosenFirst() {
        copied(log2, productionSite, "D:\\Backup\\");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(Map.of("databaseId", database, "targetServerId", production))
                        .post("/api/restore-plans").then().statusCode(201)
                        .body("plan.target.serverName", equalTo("SQLPROD01"),
                                "plan.steps[3].files[0].siteId", equalTo(productionSite),
                                "plan.steps[0].files[0].siteId", equalTo(drSite)));
        as("operator").body(Map.of("databaseId", database)).post("/api/restore-plans").then().statusCode(201)
                .body("plan.steps[3].files[0].siteId", equalTo(drSite));
    }

    @Test
    void aPlanWhoseEveryFileIsAtTheProductionSiteSaysSo() {
        String other = id();
        inventory("database.registered", INVENTORY.database(other, name + "X", "WORKFLOW", production, "FULL", 30,
                240));
        BackupSet onlyHere = set(BackupType.FULL, 100, 200, 0, null, false);
        Map<String, Object> data = new HashMap<>();
        data.put("databaseId", other);
        data.put("operationId", null);
        data.put("origin", "OWN_BACKUP");
        data.put("verifyOnly", "PASSED");
        data.put("expired", false);
        data.put("backupSet", onlyHere);
        send("wfdr.backup.events", other, ContractJson.write(data), "wfdr.backup.cataloged.v1", "/wfdr/backup-service");
        send("wfdr.backup.events", other, ContractJson.write(Map.of("operationId", id(), "databaseId", other, "copy",
                Map.of("copyId", id(), "backupSetUuid", onlyHere.backupSetUuid(), "stripe", 1, "siteId", productionSite,
                        "path", "/mnt/p/x.bak", "restorePath", "D:\\Backup\\x.bak", "bytes", "1"))),
                "wfdr.backup.copied.v1", "/wfdr/backup-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(Map.of("databaseId", other)).post("/api/restore-plans").then().statusCode(201)
                        .body("plan.warnings", hasItem(containsString("at the production site"))));
    }

    @Test
    void aTimedRestoreOnTheTargetMakesTheNextPlansPredictionMeasured() {
        measured(Map.of("backupType", "FULL", "bytes", 4_000_000_000L, "seconds", 20, "finishedAt",
                MIDNIGHT.toString(), "source", "DRILL")).statusCode(201)
                .header("Location", containsString("/api/servers/" + dr + "/restore-measurements/"));
        measured(Map.of("backupType", "LOG", "bytes", 1000, "seconds", 5, "finishedAt", MIDNIGHT.toString(),
                "source", "MANUAL", "note", "timed by hand")).statusCode(201);

        as("viewer").get("/api/servers/" + dr + "/restore-throughput").then().statusCode(200)
                .body("measured", equalTo(true), "bytesPerSecond", equalTo(2.0E8f), "secondsPerLog", equalTo(5.0f));
        as("operator").body(Map.of("databaseId", database)).post("/api/restore-plans").then().statusCode(201)
                .body("plan.prediction.measured", equalTo(true), "plan.prediction.unmeasured", hasSize(0),
                        "plan.prediction.dataRestoresMeasured", equalTo(1), "plan.prediction.seconds", equalTo(10));
    }

    @Test
    void aRestoreThatCannotBeTimedIsRefusedAndNothingIsRecorded() {
        refused(Map.of("backupType", "FULL", "bytes", 0, "seconds", 20, "finishedAt", MIDNIGHT.toString(),
                "source", "DRILL")).statusCode(400).body("errors[0].field", equalTo("bytes"));
        refused(Map.of("backupType", "FULL", "bytes", 10, "seconds", 0, "finishedAt", MIDNIGHT.toString(),
                "source", "DRILL")).statusCode(400);
        refused(Map.of("backupType", "FULL", "bytes", 10, "seconds", 1, "finishedAt", MIDNIGHT.toString(),
                "source", "RESTORE")).statusCode(400).body("errors[0].field", equalTo("source"));
        refused(Map.of("backupType", "FULL", "bytes", 10, "seconds", 1, "finishedAt", "2999-01-01T00:00:00Z",
                "source", "DRILL")).statusCode(400).body("errors[0].field", equalTo("finishedAt"));
        as("operator").body(Map.of("backupType", "FULL", "bytes", 10, "seconds", 1, "finishedAt", MIDNIGHT.toString(),
                "source", "DRILL")).post("/api/servers/" + id() + "/restore-measurements").then().statusCode(404);
        as("viewer").body(Map.of("backupType", "FULL", "bytes", 10, "seconds", 1, "finishedAt", MIDNIGHT.toString(),
                "source", "DRILL")).post("/api/servers/" + dr + "/restore-measurements").then().statusCode(403);
        as("viewer").get("/api/servers/" + dr + "/restore-measurements").then().statusCode(200)
                .body("total", equalTo(0));
        as("viewer").get("/api/servers/" + dr + "/restore-throughput").then().body("measured", equalTo(false));
    }

    @Test
    void theRtoNowAndAtWorstStandNextToTheDatabasesTargets() {
        as("viewer").get("/api/databases/" + database + "/rto").then().statusCode(200)
                .body("atWorst", equalTo(null), "notes", hasItem(containsString("no policy")),
                        "now.backupsToApply", equalTo(4), "now.prediction.measured", equalTo(false),
                        "target.serverName", equalTo("SQLDR01"), "rtoMinutes", equalTo(240));
        Map<String, Object> schedule = new HashMap<>();
        schedule.put("fullKind", "WEEKLY");
        schedule.put("fullTime", "02:00");
        schedule.put("fullDay", "SUNDAY");
        schedule.put("fullCron", null);
        schedule.put("timeZone", "America/New_York");
        schedule.put("differentialMinutes", 60);
        schedule.put("logMinutes", 15);
        backupEvent("wfdr.backup.policy-changed.v1", Map.of("databaseId", database, "databaseName", name,
                "schedule", schedule, "paused", false, "offsiteCopies", true, "tradeOff", Map.of(
                        "fullEveryMinutes", 10080, "worstCaseDataLossMinutes", 15, "backupsToApplyAtWorst", 6,
                        "differentialSpanMinutes", 10080, "rpoMinutes", 30, "meetsRpo", true)));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/rto").then().statusCode(200)
                        .body("policy.fullEveryMinutes", equalTo(10080), "atWorst.backupsToApply", equalTo(6),
                                "atWorst.dataLossMinutes", equalTo(15), "atWorst.meetsRpo", equalTo(true),
                                "atWorst.prediction.logBackups", equalTo(4),
                                "atWorst.moment", containsString("before the next full")));
        as("viewer").get("/api/databases/" + id() + "/rto").then().statusCode(404);
    }

    private io.restassured.response.ValidatableResponse measured(Map<String, Object> body) {
        return as("operator").body(body).post("/api/servers/" + dr + "/restore-measurements").then();
    }

    /** A measurement the service must refuse: only its answer is checked against the document. */
    private io.restassured.response.ValidatableResponse refused(Map<String, Object> body) {
        return as("operator").body(body).post("/api/servers/" + dr + "/restore-measurements").then();
    }

    private BackupSet set(BackupType type, long first, long last, int minute, String base, boolean encrypted) {
        Instant at = MIDNIGHT.plusSeconds(60L * minute);
        return new BackupSet(id(), name, type, false, 1, BigDecimal.valueOf(first), BigDecimal.valueOf(last), null,
                null, null, base, FORK, FORK, null, false, false, false, false, false, true, at.minusSeconds(30), at, 0,
                8_000_000, 4_000_000, BackupSet.Media.disk(List.of("D:\\Backup\\" + minute + ".bak")),
                type == BackupType.FULL ? List.of(new BackupSet.LogicalFile(1, name, "D", "PRIMARY", 8 << 20,
                        "D:\\Data\\" + name + ".mdf"), new BackupSet.LogicalFile(2, name + "_log", "L", null,
                        4 << 20, "L:\\Log\\" + name + "_log.ldf")) : List.of(),
                encrypted ? new BackupSet.Encryption("aes_256", "CERTIFICATE", "0xABCDEF") : null,
                new BackupSet.SourceDatabase(database, production, null, null, null, "SQLPROD01", null, "FULL", 150,
                        "15.0.4261", null));
    }

    private void cataloged(BackupSet set) {
        Map<String, Object> data = new HashMap<>();
        data.put("databaseId", database);
        data.put("operationId", null);
        data.put("origin", "OWN_BACKUP");
        data.put("verifyOnly", "PASSED");
        data.put("expired", false);
        data.put("backupSet", set);
        backupEvent("wfdr.backup.cataloged.v1", data);
    }

    private void copied(BackupSet set, String site, String folder) {
        backupEvent("wfdr.backup.copied.v1", Map.of("operationId", id(), "databaseId", database, "copy",
                Map.of("copyId", id(), "backupSetUuid", set.backupSetUuid(), "stripe", 1, "hostId", id(),
                        "siteId", site, "path", "/mnt/x/" + set.backupSetUuid() + ".bak",
                        "restorePath", folder + set.backupSetUuid() + ".bak", "sha256", "ab".repeat(32),
                        "bytes", "4000000")));
    }

    private void backupEvent(String type, Map<String, Object> data) {
        Publish.backupEvent(database, type, data);
    }
}
