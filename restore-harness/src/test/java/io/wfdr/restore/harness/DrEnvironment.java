package io.wfdr.restore.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.wfdr.localstack.PlayedInventory;
import io.wfdr.localstack.TestTopics;
import io.wfdr.restore.sqlserver.ServerFacts;
import io.wfdr.restore.sqlserver.SimulatedBackup;
import io.wfdr.restore.sqlserver.SimulatedProduction;
import io.wfdr.restore.sqlserver.SimulatedSqlServer;
import io.wfdr.restore.sqlserver.SimulatedUser;
import io.wfdr.restore.windows.FakeWindows;
import io.wfdr.restore.windows.WindowsScripts;
import io.wfdr.restore.windows.WindowsSshServer;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.ContractJson;

/**
 * One TRANSFLO Workflow environment as the guide's database recovery finds it, played to the restore service as
 * inventory-service and backup-service announce it: TFLOWF on the production SQL Server, backed up (a full and a
 * differential) and copied to the DR site; an empty DR SQL Server (a simulated one, its disks in the harness's state
 * folder) that knows the backup files and holds one login the restored database's user {@code tfwfreader} is
 * orphaned from; a DR Workflow iProcess Engine server reached over real SSH on loopback — a {@link FakeWindows}
 * with its iProcess services running and a 32-bit TFLOWF System DSN still pointing at production — and a Workflow
 * Web Server whose URL answers.
 */
final class DrEnvironment implements AutoCloseable {

    static final String OWNER_PASSWORD = "Owner-Pa55word";
    static final String ENGINE_SERVICE = "iProcessEngine";
    static final String WATCHER_SERVICE = "iProcessWatcher";
    private static final String SSH_PASSWORD = "ssh-Pa55word";
    private static final String FORK = "F0000000-0000-4000-8000-000000000000";
    static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");

    final String tag;
    final String databaseId = id();
    final String databaseName;
    final String newName;
    final String drSqlName;
    final FakeWindows windows = new FakeWindows();
    final SimulatedBackup full;
    final SimulatedBackup differential;
    private final PlayedInventory inventory;
    private final TestTopics topics;
    private final Path secrets;
    private final Path stateDir;
    private final String webUrl;
    private final String production = id();
    private final String dr = id();
    private final String drLogin = id();
    private final String ownerLogin = id();
    private final WindowsSshServer ssh;

    DrEnvironment(String tag, TestTopics topics, Path secrets, Path stateDir, Path work, String webUrl)
            throws Exception {
        this.tag = tag;
        this.inventory = new PlayedInventory(topics);
        this.topics = topics;
        this.secrets = secrets;
        this.stateDir = stateDir;
        this.webUrl = webUrl;
        this.databaseName = "TFLOWF" + tag;
        this.newName = databaseName + "_DR";
        this.drSqlName = "SQLDR" + tag;
        Files.writeString(secrets.resolve("tfwfowner"), OWNER_PASSWORD);
        Files.writeString(secrets.resolve("tfwfuser"), "User-Pa55word");
        Files.writeString(secrets.resolve("wfdr"), "Wfdr-Pa55word");
        Files.writeString(secrets.resolve("ssh"), SSH_PASSWORD);
        SimulatedProduction tflowf = new SimulatedProduction(databaseName).activityAt(NOON.minusSeconds(600))
                .user(SimulatedUser.sql("tfwfowner", sid(1))).user(SimulatedUser.sql("tfwfuser", sid(2)))
                .user(SimulatedUser.sql("tfwfreader", sid(3)));
        full = tflowf.full();
        differential = tflowf.differential();
        windows.service(ENGINE_SERVICE, "Running");
        windows.service(WATCHER_SERVICE, "Running").requires(ENGINE_SERVICE);
        windows.dsn(WindowsScripts.PLATFORM_32, "TFLOWF", "SQL Server", "SQLPROD01", databaseName, "tfwfowner");
        windows.reachable(drSqlName);
        windows.sqlLogin("tfwfowner", OWNER_PASSWORD);
        Path sshFolder = Files.createDirectories(work.resolve("ssh-" + tag));
        ssh = WindowsSshServer.start(sshFolder, SSH_PASSWORD, windows);
    }

    /** The DR SQL Server's disks before anything runs: the backup files on the share, one login, free folders. */
    void writeDrSqlServer() throws IOException {
        SimulatedSqlServer server = new SimulatedSqlServer(drSqlName, Clock.systemUTC())
                .facts(new ServerFacts("15.0.4261.1", 15, "Standard Edition", "D:\\Data\\", "L:\\Log\\", "\\"))
                .folder("D:\\Data\\", 50L << 30).folder("L:\\Log\\", 50L << 30)
                .login("tfwfreader", sid(9));
        server.media(restorePath(full), full);
        server.media(restorePath(differential), differential);
        server.saveTo(PersistedSqlServer.file(stateDir, drSqlName));
    }

    /** What inventory-service and backup-service announce about the environment. */
    void announce() {
        String productionSite = id();
        String drSite = id();
        String engine = id();
        String drEngine = id();
        String web = id();
        inventory.announce("site.registered", inventory.site(productionSite, "Lakeland", "PRODUCTION"));
        inventory.announce("site.registered", inventory.site(drSite, "Atlanta", "DR"));
        inventory.announce("server.registered", inventory.server(production, "SQLPROD01", productionSite, null,
                List.of("DATABASE_SERVER")));
        inventory.announce("server.registered", inventory.server(dr, drSqlName, drSite, null,
                List.of("DATABASE_SERVER")));
        inventory.announce("server.registered", inventory.server(engine, "IPEPROD01", productionSite, null,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        Map<String, Object> drEngineView = inventory.server(drEngine, "localhost", drSite, null,
                List.of("WORKFLOW_IPROCESS_ENGINE"));
        drEngineView.put("windowsServices", List.of(ENGINE_SERVICE, WATCHER_SERVICE));
        try {
            drEngineView.put("remoteShell", PlayedInventory.remoteShell(ssh.port(), WindowsSshServer.USER,
                    secret("ssh"), ssh.fingerprint()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        inventory.announce("server.registered", drEngineView);
        Map<String, Object> webView = inventory.server(web, "WEBDR01", drSite, null, List.of("WORKFLOW_WEB_SERVER"));
        webView.put("workflowUrl", webUrl);
        inventory.announce("server.registered", webView);
        inventory.announce("pair.paired", Map.of("pair", inventory.pair(id(), production, "SQLPROD01", dr,
                drSqlName)));
        inventory.announce("pair.paired", Map.of("pair", inventory.pair(id(), engine, "IPEPROD01", drEngine,
                "localhost")));
        inventory.announce("database.registered", inventory.database(databaseId, databaseName, "WORKFLOW",
                production, "FULL", 30, 240));
        inventory.announce("login.registered", inventory.login(ownerLogin, "tfwfowner", production,
                secret("tfwfowner")));
        inventory.announce("login.registered", inventory.login(id(), "tfwfuser", production, secret("tfwfuser")));
        inventory.announce("login.registered", inventory.login(drLogin, "wfdr", dr, secret("wfdr")));
        inventory.announce("dsn.registered", inventory.dsn(id(), "TFLOWF", drEngine, 32, dr, databaseName,
                ownerLogin));
        publish(full, BackupType.FULL, null, NOON.minusSeconds(3600), drSite);
        publish(differential, BackupType.DIFFERENTIAL, full.backupSetGuid(), NOON, drSite);
    }

    /**
     * The inventory's answer to the runbook's last step: the take-over command is awaited on
     * {@code wfdr.inventory.commands}, and the restored database is announced as the environment's active one.
     *
     * @return how long this stand-in for the inventory took: from the command's record time to its answer sent
     */
    Duration answerTakeOver() throws IOException {
        var command = topics.await("wfdr.inventory.commands", r -> databaseId.equals(r.key())
                && "wfdr.inventory.database.take-over.v1".equals(TestTopics.header(r, "ce_type")),
                Duration.ofSeconds(120)).orElseThrow(() -> new AssertionError("no take-over of "
                        + databaseName));
        var data = new com.fasterxml.jackson.databind.ObjectMapper().readTree(command.value());
        Map<String, Object> restored = new java.util.HashMap<>(inventory.database(id(), data.get("name").asText(),
                "WORKFLOW", data.get("serverId").asText(), "FULL", 30, 240));
        restored.put("takesOverFrom", databaseId);
        inventory.announce("database.registered", restored);
        return Duration.between(Instant.ofEpochMilli(command.timestamp()), Instant.now());
    }

    /** POST /api/restores: the database recovery of TFLOWF as TFLOWF_DR, connecting as the DR login wfdr. */
    Map<String, Object> request() {
        return Map.of("plan", Map.of("databaseId", databaseId), "ticketId", "INC-" + tag, "reason",
                "production database server lost", "connection", Map.of("loginId", drLogin, "encrypt", false));
    }

    /** The DR SQL Server as its disks hold it now. */
    SimulatedSqlServer drSqlServer() throws IOException {
        return SimulatedSqlServer.loadFrom(PersistedSqlServer.file(stateDir, drSqlName), drSqlName,
                Clock.systemUTC());
    }

    private void publish(SimulatedBackup backup, BackupType type, String base, Instant at, String site) {
        List<BackupSet.LogicalFile> files = type == BackupType.FULL ? List.of(
                new BackupSet.LogicalFile(1, databaseName, "D", "PRIMARY", 512L << 20, "E:\\SQLData\\" + databaseName
                        + ".mdf"),
                new BackupSet.LogicalFile(2, databaseName + "_log", "L", null, 128L << 20, "F:\\SQLLogs\\"
                        + databaseName + "_log.ldf"))
                : List.of();
        BackupSet set = new BackupSet(backup.backupSetGuid(), databaseName, type, false, 1, backup.firstLsn(),
                backup.lastLsn(), null, null, null, base, FORK, FORK, null, false, false, false, false, false, true,
                at.minusSeconds(30), at, 0, 8_000_000, 4_000_000, BackupSet.Media.disk(List.of("D:\\Backup\\"
                + backup.backupSetGuid() + ".bak")), files, null, new BackupSet.SourceDatabase(databaseId, production,
                null, null, null, "SQLPROD01", null, "FULL", 150, "15.0.4261.1", null));
        Map<String, Object> cataloged = new HashMap<>();
        cataloged.put("databaseId", databaseId);
        cataloged.put("operationId", null);
        cataloged.put("origin", "OWN_BACKUP");
        cataloged.put("verifyOnly", "PASSED");
        cataloged.put("expired", false);
        cataloged.put("backupSet", set);
        backupEvent("wfdr.backup.cataloged.v1", cataloged);
        backupEvent("wfdr.backup.copied.v1", Map.of("operationId", id(), "databaseId", databaseId,
                "copy", Map.of("copyId", id(), "backupSetUuid", set.backupSetUuid(), "stripe", 1, "hostId", id(),
                        "siteId", site, "path", "/mnt/x/" + set.backupSetUuid() + ".bak",
                        "restorePath", restorePath(backup), "sha256", "ab".repeat(32), "bytes", "4000000")));
    }

    private void backupEvent(String type, Object data) {
        topics.send("wfdr.backup.events", databaseId, ContractJson.write(data), Map.of("ce_specversion", "1.0",
                "ce_id", id(), "ce_type", type, "ce_source", "/wfdr/backup-service", "content-type",
                "application/json"));
    }

    static String restorePath(SimulatedBackup backup) {
        return "\\\\nas-dr\\sql\\" + backup.backupSetGuid() + ".bak";
    }

    private String secret(String file) {
        return "file:" + secrets.resolve(file);
    }

    private static byte[] sid(int seed) {
        byte[] sid = new byte[16];
        Arrays.fill(sid, (byte) seed);
        return sid;
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Override
    public void close() throws IOException {
        ssh.close();
    }
}
