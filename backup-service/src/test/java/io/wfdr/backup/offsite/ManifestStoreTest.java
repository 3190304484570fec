package io.wfdr.backup.offsite;

import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.spine.contract.BackupManifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.wfdr.backup.domain.BackupChain;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog can be rebuilt from a destination alone. */
class ManifestStoreTest {

    private static final String FORK = "2B1E4D10-1111-4222-8333-444455556666";

    @TempDir
    Path destination;

    private final ManifestStore store = new ManifestStore();

    @Test
    void theChainRebuiltFromTheManifestsAtADestinationIsTheOriginalChain() throws IOException {
        List<BackupSet> original = List.of(
                entry("0A2C56E8-AAAA-4BBB-8CCC-000000000001", BackupType.FULL, "1000000000000000100", "1000000000000000200", null),
                entry("0A2C56E8-AAAA-4BBB-8CCC-000000000002", BackupType.DIFFERENTIAL, "1000000000000000200",
                        "1000000000000000300", "0a2c56e8-aaaa-4bbb-8ccc-000000000001"),
                entry("0A2C56E8-AAAA-4BBB-8CCC-000000000003", BackupType.LOG, "1000000000000000250",
                        "1000000000000000400", null));
        for (BackupSet entry : original) {
            store.write(destination, new BackupManifest(BackupManifest.VERSION, java.time.Instant.now(), "SQLPROD01", entry,
                    List.of(new BackupManifest.ManifestFile(1, entry.type() + ".bak", 1024, "ab".repeat(32)))));
        }

        ManifestStore.Read read = store.readAll(destination);

        assertTrue(read.unreadable().isEmpty());
        List<BackupSet> rebuilt = read.manifests().stream().map(BackupManifest::backup).toList();
        assertEquals(original.size(), rebuilt.size());
        assertTrue(rebuilt.containsAll(original), "every catalog field survives the round trip");
        BackupChain chain = BackupChains.of(rebuilt).chains().get(0);
        assertEquals(BackupChains.of(original).chains().get(0), chain);
        assertEquals(1, chain.logs().size());
    }

    @Test
    void anUnreadableManifestIsReportedAndTheOthersAreStillRead() throws IOException {
        BackupSet full = entry("0A2C56E8-AAAA-4BBB-8CCC-000000000009", BackupType.FULL, "1", "2", null);
        store.write(destination, new BackupManifest(BackupManifest.VERSION, java.time.Instant.now(), "SQLPROD01", full,
                List.of(new BackupManifest.ManifestFile(1, "FULL.bak", 1, "cd".repeat(32)))));
        Files.writeString(destination.resolve("broken.bak" + ManifestStore.SUFFIX), "{\"manifestVersion\": 1, ");

        ManifestStore.Read read = store.readAll(destination);

        assertEquals(1, read.manifests().size());
        assertEquals(1, read.unreadable().size());
        assertTrue(read.unreadable().get(0).startsWith("broken.bak"));
    }

    @Test
    void everyFieldOfTheBackupSetSurvivesTheRoundTripThroughAManifest() throws IOException {
        BackupSet everything = new BackupSet("0A2C56E8-AAAA-4BBB-8CCC-0000000000FF", "TFLOWF", BackupType.DIFFERENTIAL,
                false, 3, new BigDecimal("98000000012345600001"), new BigDecimal("98000000012345900001"),
                new BigDecimal("98000000012345700001"), new BigDecimal("98000000012340000001"),
                new BigDecimal("98000000012340000009"), "0A2C56E8-AAAA-4BBB-8CCC-0000000000EE", FORK,
                "7C1E4D10-1111-4222-8333-444455556666", new BigDecimal("98000000012345800001"), true, true, false,
                false, true, true, Instant.parse("2026-11-25T02:59:00Z"), Instant.parse("2026-11-25T03:00:00Z"),
                -300, Long.MAX_VALUE - 1, 123_456_789_012L,
                new BackupSet.Media(2, 2, true, List.of(new BackupSet.MediaFile(1, 0, 2, "D:\\Backup\\a.bak"),
                        new BackupSet.MediaFile(2, 0, 2, "D:\\Backup\\b.bak"),
                        new BackupSet.MediaFile(1, 1, 2, "\\\\nas\\a.bak"),
                        new BackupSet.MediaFile(2, 1, 2, "\\\\nas\\b.bak"))),
                List.of(new BackupSet.LogicalFile(1, "TFLOWF", "D", "PRIMARY", 8_589_934_592L, "D:\\Data\\TFLOWF.mdf"),
                        new BackupSet.LogicalFile(2, "TFLOWF_log", "L", null, 1_073_741_824L, "L:\\Log\\TFLOWF.ldf")),
                new BackupSet.Encryption("aes_256", "CERTIFICATE", "0x1A2B3C4D5E6F708192A3B4C5D6E7F8091A2B3C4D"),
                new BackupSet.SourceDatabase("db-id", "server-id", "environment-id", "DB-GUID", "FAMILY-GUID",
                        "SQLPROD01\\WORKFLOW", "SQLPROD01", "FULL", 150, "15.0.4261", "SQL_Latin1_General_CP1_CI_AS"));
        store.write(destination, new BackupManifest(BackupManifest.VERSION, Instant.parse("2026-11-25T03:05:00Z"),
                "SQLPROD01", everything, List.of(new BackupManifest.ManifestFile(1, "a.bak", Long.MAX_VALUE - 7,
                        "ef".repeat(32)), new BackupManifest.ManifestFile(2, "b.bak", 5, "01".repeat(32)))));

        BackupManifest read = store.readAll(destination).manifests().get(0);

        assertEquals(everything, read.backup());
        assertEquals(Long.MAX_VALUE - 7, read.files().get(0).bytes());
        String json = Files.readString(destination.resolve("a.bak" + ManifestStore.SUFFIX));
        assertTrue(json.contains("\"firstLsn\" : \"98000000012345600001\""), "LSNs are decimal strings: " + json);
        assertTrue(json.contains("\"backupSize\" : \"9223372036854775806\""), "sizes too");
    }

    private static BackupSet entry(String id, BackupType type, String first, String last, String base) {
        return BackupSet.ofChain(id, "TFLOWF", type, false, new BigDecimal(first), new BigDecimal(last),
                new BigDecimal(first), base, FORK, FORK, Instant.parse("2026-11-25T03:00:00Z"), false);
    }
}
