package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class RetentionTest {

    @Test
    void theDryRunSaysWhatWouldGoAndWhyAndApplyingItDeletesOnlyThat() throws Exception {
        Inventory inventory = Inventory.announced();
        Path offsite = Files.createTempDirectory("wfdr-retention");
        Map<String, Object> policy = BackupPolicyTest.policy(null, inventory.drMachine);
        policy.put("retentionDays", 14);
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        String old = full(offsite, inventory.fullDbName, 40, 100);
        String coveringWindowStart = full(offsite, inventory.fullDbName, 20, 200);
        String recent = full(offsite, inventory.fullDbName, 1, 300);
        as("operator").body(Map.of("path", offsite.toString(), "hostId", inventory.drMachine))
                .post("/api/catalog/rebuild").then().statusCode(200).body("imported", equalTo(3));

        as("viewer").get("/api/databases/" + inventory.fullDb + "/retention").then().statusCode(200)
                .body("expire", hasSize(1), "expire[0].backupSetId", equalTo(old),
                        "expire[0].reason", containsString("14-day window"), "keep", hasSize(2));
        assertTrue(Files.exists(offsite.resolve(old + ".bak")), "the dry run deletes nothing");

        as("operator").post("/api/databases/" + inventory.fullDb + "/retention/apply").then().statusCode(403);
        as("admin").post("/api/databases/" + inventory.fullDb + "/retention/apply").then().statusCode(200);

        assertFalse(Files.exists(offsite.resolve(old + ".bak")));
        assertFalse(Files.exists(offsite.resolve(old + ".bak" + ManifestStore.SUFFIX)));
        assertTrue(Files.exists(offsite.resolve(coveringWindowStart + ".bak")));
        assertTrue(Files.exists(offsite.resolve(recent + ".bak")));
        as("viewer").get("/api/databases/" + inventory.fullDb + "/chains").then().body("chains", hasSize(2));
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.expired.v1".equals(TestTopics.header(r, "ce_type")) && r.value().contains(old),
                Duration.ofSeconds(30)).isPresent());
    }

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @Test
    void retentionDeletesByCopyAndKeepsAFileAnotherLiveCopyStillNames() throws Exception {
        Inventory inventory = Inventory.announced();
        Path offsite = Files.createTempDirectory("wfdr-retention-shared");
        Map<String, Object> policy = BackupPolicyTest.policy(null, inventory.drMachine);
        policy.put("retentionDays", 14);
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        String old = full(offsite, inventory.fullDbName, 40, 100);
        full(offsite, inventory.fullDbName, 20, 200);
        String recent = full(offsite, inventory.fullDbName, 1, 300);
        as("operator").body(Map.of("path", offsite.toString(), "hostId", inventory.drMachine))
                .post("/api/catalog/rebuild").then().statusCode(200).body("imported", equalTo(3));
        String shared = offsite.resolve(old + ".bak").toString();
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            io.wfdr.backup.domain.OffsiteCopy copy = new io.wfdr.backup.domain.OffsiteCopy();
            copy.id = UUID.randomUUID().toString();
            copy.backupSetId = recent;
            copy.operationId = "appended";
            copy.databaseId = inventory.fullDb;
            copy.hostId = inventory.drMachine;
            copy.path = shared;
            copy.state = io.wfdr.backup.domain.CopyState.VERIFIED;
            copy.verifiedAt = Instant.now();
            copy.copiedAt = Instant.now();
            em.persist(copy);
        });

        as("admin").post("/api/databases/" + inventory.fullDb + "/retention/apply").then().statusCode(200)
                .body("expire[0].backupSetId", equalTo(old));

        assertTrue(Files.exists(Path.of(shared)), "a live copy of another backup set names the same file");
        assertTrue(Files.exists(Path.of(shared + ManifestStore.SUFFIX)), "and so does the manifest next to it");
    }

    private static String full(Path destination, String database, int daysAgo, long lsn) throws Exception {
        String id = UUID.randomUUID().toString().toUpperCase();
        String name = id + ".bak";
        byte[] bytes = id.getBytes();
        Files.write(destination.resolve(name), bytes);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        BackupSet entry = BackupSet.ofChain(id, database, BackupType.FULL, false, BigDecimal.valueOf(lsn),
                BigDecimal.valueOf(lsn + 10), null, null, "F", "F", Instant.now().minus(Duration.ofDays(daysAgo)), false);
        new ManifestStore().write(destination, new BackupManifest(BackupManifest.VERSION, java.time.Instant.now(), "SQLPROD01", entry,
                List.of(new BackupManifest.ManifestFile(1, name, bytes.length, sha))));
        return id;
    }
}
