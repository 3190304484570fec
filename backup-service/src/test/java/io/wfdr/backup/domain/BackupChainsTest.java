package io.wfdr.backup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The chain rules SQL Server applies at restore, each as a test. LSNs are small numbers here for reading. */
class BackupChainsTest {

    private static final String FORK = "9F1C1A52-0000-4000-8000-000000000001";
    private final List<CatalogEntry> catalog = new ArrayList<>();

    @Test
    void theGuidesRestoreIsTheLastFullThenTheNewestDifferentialOnItThenTheLogs() {
        CatalogEntry full = full("F1", 100, 200);
        differential("D1", 200, 300, "F1");
        CatalogEntry newest = differential("D2", 200, 400, "F1");
        log("L1", 150, 350);
        CatalogEntry l2 = log("L2", 350, 450);
        CatalogEntry l3 = log("L3", 450, 500);

        BackupChain chain = BackupChains.of(catalog).chains().get(0);

        assertEquals(full, chain.full());
        assertEquals(newest, chain.newestDifferential().orElseThrow());
        assertEquals(List.of(l2, l3), chain.logs(), "logs start at the one holding the differential's last LSN");
        assertEquals(l3, chain.newestRestorable());
        assertTrue(chain.breaks().isEmpty());
    }

    @Test
    void aDifferentialBelongsToTheFullWhoseBackupSetGuidIsItsBase() {
        full("F1", 100, 200);
        full("F2", 500, 600);
        differential("D1", 200, 300, "F1");
        differential("D2", 600, 700, "F2");

        BackupChains.Result result = BackupChains.of(catalog);

        assertEquals("F2", result.chains().get(0).full().backupSetId(), "newest full first");
        assertEquals("D2", result.chains().get(0).newestDifferential().orElseThrow().backupSetId());
        assertEquals("D1", result.chains().get(1).newestDifferential().orElseThrow().backupSetId());
    }

    @Test
    void aCopyOnlyFullIsNeverADifferentialBase() {
        full("F1", 100, 200);
        catalog.add(entry("C1", BackupType.FULL, true, 250, 300, null));
        differential("D1", 300, 350, "C1");

        BackupChains.Result result = BackupChains.of(catalog);

        assertEquals(1, result.chains().size(), "the copy-only full starts no chain");
        assertEquals("D1", result.breaks().get(0).backupSetId());
        assertTrue(result.breaks().get(0).reason().contains("not in the catalog, or is copy-only"));
    }

    @Test
    void aDifferentialWhoseFullIsMissingFromTheCatalogIsABreak() {
        differential("D1", 200, 300, "F-NOT-IMPORTED");
        assertEquals("D1", BackupChains.of(catalog).breaks().get(0).backupSetId());
    }

    @Test
    void logBackupsMustBeContiguous() {
        full("F1", 100, 200);
        CatalogEntry l1 = log("L1", 150, 300);
        log("L2", 320, 400);
        BackupChain chain = BackupChains.of(catalog).chains().get(0);
        assertEquals(List.of(l1), chain.logs(), "the run stops at the gap");
        assertEquals("L2", chain.breaks().get(0).backupSetId());
        assertTrue(chain.breaks().get(0).reason().contains("log gap"));
    }

    @Test
    void aLogGapRightAfterTheFullLeavesOnlyTheFull() {
        CatalogEntry full = full("F1", 100, 200);
        log("L1", 250, 300);
        BackupChain chain = BackupChains.of(catalog).chains().get(0);
        assertTrue(chain.logs().isEmpty());
        assertEquals(full, chain.newestRestorable());
        assertTrue(chain.breaks().get(0).reason().contains("no log backup holds LSN 200"));
    }

    @Test
    void aChangedRecoveryForkBreaksTheLogChain() {
        full("F1", 100, 200);
        log("L1", 150, 300);
        catalog.add(new CatalogEntry("L2", "TFLOWF", BackupType.LOG, false, lsn(300), lsn(400), lsn(100), null,
                "OTHER-FORK", "OTHER-FORK", Instant.EPOCH, false));
        BackupChain chain = BackupChains.of(catalog).chains().get(0);
        assertEquals(1, chain.logs().size());
        assertTrue(chain.breaks().get(0).reason().contains("recovery fork"));
    }

    @Test
    void aDamagedBackupIsNeverRestorable() {
        catalog.add(new CatalogEntry("F1", "TFLOWF", BackupType.FULL, false, lsn(100), lsn(200), null, null, FORK,
                FORK, Instant.EPOCH, true));
        BackupChains.Result result = BackupChains.of(catalog);
        assertTrue(result.chains().isEmpty());
        assertTrue(result.breaks().get(0).reason().contains("damaged"));
    }

    @Test
    void copyOnlyLogBackupsDoNotBreakTheChain() {
        full("F1", 100, 200);
        CatalogEntry l1 = log("L1", 150, 300);
        catalog.add(entry("CL", BackupType.LOG, true, 300, 310, null));
        CatalogEntry l2 = log("L2", 300, 400);
        assertEquals(List.of(l1, l2), BackupChains.of(catalog).chains().get(0).logs());
    }

    @Test
    void lsnsBeyondTheRangeOfLongCompareCorrectly() {
        BigDecimal big = new BigDecimal("9999999999999999999999999");
        catalog.add(new CatalogEntry("F1", "TFLOWF", BackupType.FULL, false, big.subtract(BigDecimal.TEN),
                big.subtract(BigDecimal.ONE), null, null, FORK, FORK, Instant.EPOCH, false));
        catalog.add(new CatalogEntry("L1", "TFLOWF", BackupType.LOG, false, big.subtract(BigDecimal.TEN), big,
                null, null, FORK, FORK, Instant.EPOCH, false));
        assertEquals(1, BackupChains.of(catalog).chains().get(0).logs().size());
    }

    private CatalogEntry full(String id, long first, long last) {
        return add(entry(id, BackupType.FULL, false, first, last, null));
    }

    private CatalogEntry differential(String id, long first, long last, String base) {
        return add(entry(id, BackupType.DIFFERENTIAL, false, first, last, base));
    }

    private CatalogEntry log(String id, long first, long last) {
        return add(entry(id, BackupType.LOG, false, first, last, null));
    }

    private CatalogEntry add(CatalogEntry entry) {
        catalog.add(entry);
        return entry;
    }

    private static CatalogEntry entry(String id, BackupType type, boolean copyOnly, long first, long last,
            String base) {
        return new CatalogEntry(id, "TFLOWF", type, copyOnly, lsn(first), lsn(last), null, base == null ? null
                : base.toLowerCase(), FORK, FORK, Instant.EPOCH, false);
    }

    private static BigDecimal lsn(long value) {
        return BigDecimal.valueOf(value);
    }
}
