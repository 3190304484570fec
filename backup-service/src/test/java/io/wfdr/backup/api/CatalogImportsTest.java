package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.backup.sqlserver.FakeSqlServers;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class CatalogImportsTest {

    @Inject
    FakeSqlServers sqlServer;

    private Inventory inventory;

    @BeforeEach
    void aKnownDatabase() {
        inventory = Inventory.announced();
        as("operator").body(Map.of("loginId", inventory.login)).put("/api/sql-servers/" + inventory.server
                + "/connection").then().statusCode(200);
    }

    @Test
    void backupsOtherToolsTookAreImportedFromMsdbSoChainsDoNotBreak() {
        sqlServer.backupByAnotherTool(inventory.fullDbName, BackupType.FULL);
        as("operator").post("/api/catalog/import?days=7&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("imported", equalTo(1));
        as("operator").post("/api/catalog/import?days=7&databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("imported", equalTo(0), "alreadyInCatalog", equalTo(1));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then().body("chains", hasSize(1));
    }

    @Test
    void theCatalogIsRebuiltFromADestinationAloneAndOnlyIntactFilesCount() throws Exception {
        Path destination = Files.createTempDirectory("wfdr-rebuild");
        BackupSet good = manifestWithFile(destination, inventory.fullDbName, "SQLPROD01", false);
        BackupSet flipped = manifestWithFile(destination, inventory.fullDbName, "SQLPROD01", true);
        manifestWithFile(destination, "UNKNOWNDB", "SQLPROD01", false);

        as("operator").body(Map.of("path", destination.toString(), "hostId", inventory.drMachine))
                .post("/api/catalog/rebuild").then().statusCode(200)
                .body("imported", equalTo(1), "copiesRecorded", equalTo(1), "problems", hasSize(2),
                        "problems", hasItem(containsString(flipped.backupSetUuid() + ": ")),
                        "problems", hasItem(containsString("no known database UNKNOWNDB")));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then()
                .body("chains[0].full.backupSetUuid", equalTo(good.backupSetUuid().toUpperCase()));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/rpo").then().body("state", equalTo("MET"));

        as("operator").post("/api/catalog/verify?databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("notIntact", equalTo(0));
        try (var files = Files.list(destination)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(inventory.fullDbName)
                    && f.getFileName().toString().endsWith(".bak")).toList()) {
                Files.write(file, new byte[] {1, 2, 3});
            }
        }
        as("operator").post("/api/catalog/verify?databaseId=" + inventory.fullDb).then().statusCode(200)
                .body("notIntact", equalTo(1));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/rpo").then().body("state", equalTo("UNKNOWN"));
    }

    @Test
    void aDestinationThatIsNotADirectoryIs400() {
        as("operator").body(Map.of("path", "relative/path", "hostId", inventory.drMachine))
                .post("/api/catalog/rebuild").then().statusCode(400).body("errors[0].field", equalTo("path"));
    }

    private static BackupSet manifestWithFile(Path destination, String database, String server, boolean corrupt)
            throws Exception {
        String name = database + "_" + UUID.randomUUID() + ".bak";
        byte[] bytes = new byte[64 * 1024];
        new Random().nextBytes(bytes);
        Files.write(destination.resolve(name), bytes);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        if (corrupt) {
            bytes[100] ^= 1;
            Files.write(destination.resolve(name), bytes);
        }
        BackupSet entry = BackupSet.ofChain(UUID.randomUUID().toString(), database, BackupType.FULL, false,
                BigDecimal.valueOf(10), BigDecimal.valueOf(20), null, null, "F", "F", Instant.now(), false);
        new ManifestStore().write(destination, new BackupManifest(BackupManifest.VERSION, java.time.Instant.now(), server, entry,
                List.of(new BackupManifest.ManifestFile(1, name, bytes.length, sha))));
        return entry;
    }
}
