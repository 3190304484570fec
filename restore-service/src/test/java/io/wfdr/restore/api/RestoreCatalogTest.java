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
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.ContractJson;
import io.wfdr.spine.contract.ManifestStore;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The restore service keeps its own catalog: from the backup service's events as they are published (the spine's
 * contract), and from a destination's manifests alone when the backup service is gone.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class RestoreCatalogTest {

    private static final String FORK = "F0000000-0000-4000-8000-000000000000";
    private static final Instant MIDNIGHT = Instant.parse("2026-11-30T00:00:00Z");

    private final String database = id();
    private final String server = id();
    private final String name = "TFLOWF" + database.substring(0, 4).toUpperCase();
    private final TestTopics topics = TestTopics.ofTestBroker();

    @BeforeEach
    void theInventoryAnnouncesTheDatabase() {
        String site = id();
        inventory("site.registered", INVENTORY.site(site, "Lakeland", "PRODUCTION"));
        inventory("server.registered", INVENTORY.server(server, "SQLPROD01", site, null, List.of("DATABASE_SERVER")));
        inventory("database.registered", INVENTORY.database(database, name, "WORKFLOW", server, "FULL", 30, 240));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/reachable").then().statusCode(200));
    }

    @Test
    void backupEventsBuildTheCatalogAPlanCanReachAndRetentionTakesFromIt() {
        BackupSet full = set(BackupType.FULL, 100, 200, 0);
        BackupSet log = set(BackupType.LOG, 150, 300, 30);
        cataloged(full);
        cataloged(log);
        copied(full);
        copied(log);
        awaitLatest(MIDNIGHT.plusSeconds(30 * 60).toString());

        backupEvent("wfdr.backup.expired.v1", Map.of("databaseId", database, "backupSetUuid", log.backupSetUuid(),
                "reason", "outside the window", "copies", List.of()));
        awaitLatest(MIDNIGHT.toString());
    }

    @Test
    void aSetWhoseCopyIsNoLongerIntactIsNotReachable() {
        BackupSet full = set(BackupType.FULL, 100, 200, 0);
        cataloged(full);
        Map<String, Object> copy = copy(full);
        backupEvent("wfdr.backup.copied.v1", Map.of("operationId", id(), "databaseId", database, "copy", copy));
        awaitLatest(MIDNIGHT.toString());
        backupEvent("wfdr.backup.verified.v1", Map.of("databaseId", database, "copy", copy, "intact", false,
                "detail", "its SHA-256 no longer matches"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/reachable").then()
                        .body("latest", equalTo(null), "whyNotLater", containsString("no verified offsite copy")));
    }

    @Test
    void aBackupSetThatCannotBeReadGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String broken = id();
        backupEvent("wfdr.backup.cataloged.v1", Map.of("databaseId", database, "origin", "OWN_BACKUP",
                "expired", false, "backupSet", Map.of("backupSetUuid", broken)), broken);
        assertTrue(topics.await("wfdr.backup.events.restore-service.dlq",
                r -> r.value().contains(broken), Duration.ofSeconds(30)).isPresent());
        BackupSet full = set(BackupType.FULL, 100, 200, 0);
        cataloged(full);
        copied(full);
        awaitLatest(MIDNIGHT.toString());
    }

    @Test
    void theCatalogIsLoadedFromADestinationsManifestsAloneCheckingEveryFile() throws Exception {
        Path folder = Files.createTempDirectory("wfdr-restore-import");
        BackupSet good = set(BackupType.FULL, 100, 200, 0);
        BackupSet shortened = set(BackupType.LOG, 150, 300, 30);
        manifest(folder, good, 4096, 4096);
        manifest(folder, shortened, 4096, 1000);

        as("operator").body(Map.of("path", folder.toString(), "sqlServerPath", "\\\\nas-dr\\sql", "verifySha256", true))
                .post("/api/catalog/import").then().statusCode(200)
                .body("imported", equalTo(1), "copiesRecorded", equalTo(1), "problems", hasSize(1),
                        "problems", hasItem(containsString("1000 bytes, its manifest says 4096")));
        awaitLatest(MIDNIGHT.toString());
        as("viewer").body(Map.of("path", "relative")).post("/api/catalog/import").then().statusCode(403);
        as("operator").body(Map.of("path", "relative")).post("/api/catalog/import").then().statusCode(400);
    }

    private void manifest(Path folder, BackupSet set, int bytes, int written) throws Exception {
        String file = set.backupSetUuid() + ".bak";
        byte[] content = new byte[bytes];
        new java.util.Random(bytes).nextBytes(content);
        Files.write(folder.resolve(file), java.util.Arrays.copyOf(content, written));
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(content));
        new ManifestStore().write(folder, new BackupManifest(BackupManifest.VERSION, Instant.now(), "SQLPROD01", set,
                List.of(new BackupManifest.ManifestFile(1, file, bytes, sha))));
    }

    private void awaitLatest(String latest) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/databases/" + database + "/reachable").then().statusCode(200)
                        .body("latest", equalTo(latest)));
    }

    private BackupSet set(BackupType type, long first, long last, int minute) {
        BackupSet chain = BackupSet.ofChain(id(), name, type, false, BigDecimal.valueOf(first),
                BigDecimal.valueOf(last), null, null, FORK, FORK, MIDNIGHT.plusSeconds(60L * minute), false);
        return new BackupSet(chain.backupSetUuid(), name, type, false, 1, chain.firstLsn(), chain.lastLsn(), null, null,
                null, null, FORK, FORK, null, false, false, false, false, false, true, chain.finishedAt(),
                chain.finishedAt(), 0, 4096, 4096, BackupSet.Media.disk(List.of("D:\\Backup\\" + chain.backupSetUuid())),
                List.of(), null, new BackupSet.SourceDatabase(database, server, null, null, null, "SQLPROD01", null,
                        "FULL", 150, "15.0.4261", null));
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

    private void copied(BackupSet set) {
        backupEvent("wfdr.backup.copied.v1", Map.of("operationId", id(), "databaseId", database, "copy", copy(set)));
    }

    private Map<String, Object> copy(BackupSet set) {
        return Map.of("copyId", UUID.nameUUIDFromBytes(set.backupSetUuid().getBytes()).toString(),
                "backupSetUuid", set.backupSetUuid(), "stripe", 1, "hostId", id(), "siteId", id(),
                "path", "/mnt/dr/" + set.backupSetUuid() + ".bak",
                "restorePath", "\\\\nas-dr\\sql\\" + set.backupSetUuid() + ".bak",
                "manifestPath", "/mnt/dr/" + set.backupSetUuid() + ".bak.manifest.json", "sha256", "ab".repeat(32),
                "bytes", "4096");
    }

    private void backupEvent(String type, Map<String, Object> data) {
        backupEvent(type, data, database);
    }

    private void backupEvent(String type, Map<String, Object> data, String key) {
        Publish.backupEvent(key, type, data);
    }
}
