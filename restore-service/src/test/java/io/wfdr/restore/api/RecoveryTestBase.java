package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wfdr.localstack.PlayedInventory;
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

/**
 * What every runbook test starts from: an environment the inventory announced (production and DR sites, SQL Servers,
 * iProcess Engine servers paired, TFLOWF, its Workflow logins with secret references, the 32-bit TFLOWF DSN on the
 * DR engine server), a full and a differential of TFLOWF copied to the DR site, and a DR SQL Server that keeps SQL
 * Server's rules holding those backups' files.
 */
abstract class RecoveryTestBase {

    protected static final Path SECRETS = Path.of("/tmp/wfdr-restore-test-secrets");
    protected static final String FORK = "F0000000-0000-4000-8000-000000000000";
    protected static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    @Inject
    SimulatedSqlServers servers;

    /** Each test's own environment, so what one test registers never serves another's runbook. */
    protected final PlayedInventory played = PlayedInventory.onTheTestBroker();
    protected final String database = id();
    protected final String production = id();
    protected final String dr = id();
    protected final String engine = id();
    protected final String drEngine = id();
    protected final String drLogin = id();
    protected final String ownerLogin = id();
    protected final String name = "TFLOWF" + database.substring(0, 4).toUpperCase();
    protected final String drName = "SQLDR" + database.substring(0, 4).toUpperCase();
    protected final byte[] ownerSid = sid(1);
    protected final byte[] userSid = sid(2);
    protected final String drSite = id();
    protected SimulatedSqlServer target;
    protected SimulatedBackup fullBackup;
    protected SimulatedBackup differentialBackup;

    /**
     * The inventory's answer to the runbook's last step: it waits for the take-over command on
     * {@code wfdr.inventory.commands} and announces the restored database as the environment's active one.
     */
    protected void answerTakeOver() throws Exception {
        var command = io.wfdr.localstack.TestTopics.ofTestBroker().await("wfdr.inventory.commands",
                r -> database.equals(r.key()) && "wfdr.inventory.database.take-over.v1".equals(
                        io.wfdr.localstack.TestTopics.header(r, "ce_type")), Duration.ofSeconds(90))
                .orElseThrow(() -> new AssertionError("no take-over command for " + database));
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(command.value());
        Map<String, Object> restored = new HashMap<>(played.database(id(), data.get("name").asText(), "WORKFLOW",
                data.get("serverId").asText(), "FULL", 30, 240));
        restored.put("takesOverFrom", data.get("databaseId").asText());
        played.announce("database.registered", restored);
    }

    /** The DR iProcess Engine server's name (its DNS name: how wfdr reaches it). */
    protected String drEngineName() {
        return "IPEDR01";
    }

    /** The DR iProcess Engine server as the inventory announces it; as is, wfdr has no way into it. */
    protected Map<String, Object> drEngineServer(Map<String, Object> view) throws Exception {
        return view;
    }

    /** What else a test's inventory holds, announced with the rest before the backups. */
    protected void moreInventory() throws Exception {
        // nothing more by default
    }

    @BeforeEach
    void aProductionDatabaseBackedUpOffsiteAndAnEmptyDrSqlServer() throws Exception {
        Files.createDirectories(SECRETS);
        Files.writeString(SECRETS.resolve("tfwfowner"), "Owner-Pa55word");
        Files.writeString(SECRETS.resolve("tfwfuser"), "User-Pa55word");
        Files.writeString(SECRETS.resolve("wfdr"), "Wfdr-Pa55word");
        String productionSite = id();
        played.announce("site.registered", played.site(productionSite, "Lakeland", "PRODUCTION"));
        played.announce("site.registered", played.site(drSite, "Atlanta", "DR"));
        played.announce("server.registered", played.server(production, "SQLPROD01", productionSite, null,
                List.of("DATABASE_SERVER")));
        played.announce("server.registered", played.server(dr, drName, drSite, null, List.of("DATABASE_SERVER")));
        played.announce("server.registered", played.server(engine, "IPEPROD01", productionSite, null,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        played.announce("server.registered", drEngineServer(new HashMap<>(played.server(drEngine, drEngineName(), drSite,
                null, List.of("WORKFLOW_IPROCESS_ENGINE")))));
        moreInventory();
        played.announce("pair.paired", Map.of("pair", played.pair(id(), production, "SQLPROD01", dr, drName)));
        played.announce("pair.paired", Map.of("pair", played.pair(id(), engine, "IPEPROD01", drEngine, drEngineName())));
        played.announce("database.registered", played.database(database, name, "WORKFLOW", production, "FULL", 30, 240));
        played.announce("login.registered", played.login(ownerLogin, "tfwfowner", production, secret("tfwfowner")));
        played.announce("login.registered", played.login(id(), "tfwfuser", production, secret("tfwfuser")));
        played.announce("login.registered", played.login(drLogin, "wfdr", dr, secret("wfdr")));
        played.announce("dsn.registered", played.dsn(id(), "TFLOWF", drEngine, 32, dr, name, ownerLogin));

        SimulatedProduction tflowf = new SimulatedProduction(name).activityAt(NOON.minusSeconds(600))
                .user(SimulatedUser.sql("tfwfowner", ownerSid)).user(SimulatedUser.sql("tfwfuser", userSid));
        SimulatedBackup full = tflowf.full();
        SimulatedBackup differential = tflowf.differential();
        fullBackup = full;
        differentialBackup = differential;
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

    protected Map<String, Object> request() {
        return Map.of("plan", Map.of("databaseId", database), "ticketId", "INC-4711", "reason",
                "production database server lost", "connection", Map.of("loginId", drLogin, "encrypt", false));
    }

    protected void awaitStatus(String id, String status) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                as("viewer").get("/api/restores/" + id).then().body("status", equalTo(status)));
    }

    protected void awaitStepNotWaiting(String id, int step) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/restores/" + id).then().body("steps[" + (step - 1) + "].status",
                        not(equalTo("WAITING"))));
    }

    protected void publish(SimulatedBackup backup, BackupType type, String base, Instant at, String site) {
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

    protected static String restorePath(SimulatedBackup backup) {
        return "\\\\nas-dr\\sql\\" + backup.backupSetGuid() + ".bak";
    }

    protected static String secret(String file) {
        return "file:" + SECRETS.resolve(file);
    }

    protected static byte[] sid(int seed) {
        byte[] sid = new byte[16];
        java.util.Arrays.fill(sid, (byte) seed);
        return sid;
    }
}
