package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
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
    private final List<BackupSet> catalog = new ArrayList<>();

    @Test
    void theGuidesRestoreIsTheLastFullThenTheNewestDifferentialOnItThenTheLogs() {
        BackupSet full = full("F1", 100, 200);
        differential("D1", 200, 300, "F1");
        BackupSet newest = differential("D2", 200, 400, "F1");
        log("L1", 150, 350);
        BackupSet l2 = log("L2", 350, 450);
        BackupSet l3 = log("L3", 450, 500);

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

        assertEquals("F2", result.chains().get(0).full().backupSetUuid(), "newest full first");
        assertEquals("D2", result.chains().get(0).newestDifferential().orElseThrow().backupSetUuid());
        assertEquals("D1", result.chains().get(1).newestDifferential().orElseThrow().backupSetUuid());
    }

    @Test
    void aCopyOnlyFullIsNeverADifferentialBase() {
        full("F1", 100, 200);
        catalog.add(entry("C1", BackupType.FULL, true, 250, 300, null));
        differential("D1", 300, 350, "C1");

        BackupChains.Result result = BackupChains.of(catalog);

        assertEquals(List.of("C1", "F1"), result.chains().stream().map(c -> c.full().backupSetUuid()).toList());
        assertTrue(result.chains().get(0).differentials().isEmpty(), "nothing is based on the copy-only full");
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
        BackupSet l1 = log("L1", 150, 300);
        log("L2", 320, 400);
        BackupChain chain = BackupChains.of(catalog).chains().get(0);
        assertEquals(List.of(l1), chain.logs(), "the run stops at the gap");
        assertEquals("L2", chain.breaks().get(0).backupSetId());
        assertTrue(chain.breaks().get(0).reason().contains("log gap"));
    }

    @Test
    void aLogGapRightAfterTheFullLeavesOnlyTheFull() {
        BackupSet full = full("F1", 100, 200);
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
        catalog.add(BackupSet.ofChain("L2", "TFLOWF", BackupType.LOG, false, lsn(300), lsn(400), lsn(100), null,
                "OTHER-FORK", "OTHER-FORK", Instant.EPOCH, false));
        BackupChain chain = BackupChains.of(catalog).chains().get(0);
        assertEquals(1, chain.logs().size());
        assertTrue(chain.breaks().get(0).reason().contains("recovery fork"));
    }

    @Test
    void aDamagedBackupIsNeverRestorable() {
        catalog.add(BackupSet.ofChain("F1", "TFLOWF", BackupType.FULL, false, lsn(100), lsn(200), null, null, FORK,
                FORK, Instant.EPOCH, true));
        BackupChains.Result result = BackupChains.of(catalog);
        assertTrue(result.chains().isEmpty());
        assertTrue(result.breaks().get(0).reason().contains("damaged"));
    }

    @Test
    void copyOnlyLogBackupsDoNotBreakTheChain() {
        full("F1", 100, 200);
        BackupSet l1 = log("L1", 150, 300);
        catalog.add(entry("CL", BackupType.LOG, true, 300, 310, null));
        BackupSet l2 = log("L2", 300, 400);
        assertEquals(List.of(l1, l2), BackupChains.of(catalog).chains().get(0).logs());
    }

    @Test
    void lsnsBeyondTheRangeOfLongCompareCorrectly() {
        BigDecimal big = new BigDecimal("9999999999999999999999999");
        catalog.add(BackupSet.ofChain("F1", "TFLOWF", BackupType.FULL, false, big.subtract(BigDecimal.TEN),
                big.subtract(BigDecimal.ONE), null, null, FORK, FORK, Instant.EPOCH, false));
        catalog.add(BackupSet.ofChain("L1", "TFLOWF", BackupType.LOG, false, big.subtract(BigDecimal.TEN), big,
                null, null, FORK, FORK, Instant.EPOCH, false));
        assertEquals(1, BackupChains.of(catalog).chains().get(0).logs().size());
    }

    @Test
    void aCopyOnlyFullStartsARestoreAndTheLogsAfterItApply() {
        catalog.add(BackupSet.ofChain("F1", "TFLOWF", BackupType.FULL, false, lsn(100), lsn(200), null, null, FORK,
                FORK, Instant.EPOCH, true));
        catalog.add(entry("C1", BackupType.FULL, true, 250, 300, null));
        log("L1", 150, 320);
        BackupSet l2 = log("L2", 320, 400);

        BackupChain chain = BackupChains.of(catalog).chains().get(0);

        assertEquals("C1", chain.full().backupSetUuid(), "the newest full is damaged; the copy-only one still restores");
        assertEquals(l2, chain.newestRestorable());
    }

    @Test
    void aDamagedLogEndsTheChainBeforeIt() {
        full("F1", 100, 200);
        BackupSet l1 = log("L1", 150, 300);
        catalog.add(BackupSet.ofChain("L2", "TFLOWF", BackupType.LOG, false, lsn(300), lsn(400), null, null, FORK,
                FORK, Instant.EPOCH, true));
        log("L3", 400, 500);

        BackupChain chain = BackupChains.of(catalog).chains().get(0);

        assertEquals(List.of(l1), chain.logs());
        assertTrue(chain.breaks().get(0).reason().contains("log gap"), chain.breaks().toString());
    }

    @Test
    void theFirstLogAfterTheFullMustBeOnTheFullsRecoveryFork() {
        full("F1", 100, 200);
        catalog.add(BackupSet.ofChain("L1", "TFLOWF", BackupType.LOG, false, lsn(150), lsn(300), null, null,
                "OTHER-FORK", "OTHER-FORK", Instant.EPOCH, false));

        BackupChain chain = BackupChains.of(catalog).chains().get(0);

        assertTrue(chain.logs().isEmpty());
        assertTrue(chain.breaks().get(0).reason().contains("recovery fork"), chain.breaks().toString());
    }

    @Test
    void aLogOnANewForkDoesNotCutOffTheChainThatGoesOnOnTheOldOne() {
        full("F1", 100, 200);
        BackupSet l1 = log("L1", 150, 300);
        BackupSet newFork = BackupSet.ofChain("N1", "TFLOWF", BackupType.LOG, false, lsn(300), lsn(350), null, null,
                FORK, "NEW-FORK", Instant.EPOCH, false);
        catalog.add(newFork);
        BackupSet l2 = log("L2", 300, 400);
        BackupSet l3 = log("L3", 400, 500);

        List<BackupChain> chains = BackupChains.of(catalog).chains();

        assertEquals(2, chains.size(), "one chain per fork");
        assertEquals(List.of(l1, l2, l3), chains.get(0).logs(), "the old fork goes on to L3");
        assertEquals(List.of(l1, newFork), chains.get(1).logs(), "the new fork from the restore");
    }

    @Test
    void lsnsAbove2To63AreComparedAsNumbersNotByTheirLow64Bits() {
        BigDecimal low = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(64).add(java.math.BigInteger.ONE.shiftLeft(62)));
        BigDecimal high = new BigDecimal(java.math.BigInteger.ONE.shiftLeft(65)).add(lsn(1));
        assertTrue(high.compareTo(low) > 0 && high.longValue() < low.longValue(),
                "the two LSNs sort the other way round by their low 64 bits");
        catalog.add(BackupSet.ofChain("OLD", "TFLOWF", BackupType.FULL, false, low, low.add(lsn(1)), null, null,
                FORK, FORK, Instant.EPOCH, false));
        catalog.add(BackupSet.ofChain("NEW", "TFLOWF", BackupType.FULL, false, high, high.add(lsn(1)), null, null,
                FORK, FORK, Instant.EPOCH, false));

        assertEquals("NEW", BackupChains.of(catalog).chains().get(0).full().backupSetUuid());
    }

    @Test
    void aDifferentialAttachesByItsBaseGuidNotByLsnOrder() {
        full("F1", 100, 200);
        catalog.add(entry("C2", BackupType.FULL, true, 500, 600, null));
        BackupSet d = differential("D1", 600, 700, "F1");

        BackupChains.Result result = BackupChains.of(catalog);

        BackupChain f1 = result.chains().stream().filter(c -> c.full().backupSetUuid().equals("F1")).findFirst()
                .orElseThrow();
        BackupChain c2 = result.chains().stream().filter(c -> c.full().backupSetUuid().equals("C2")).findFirst()
                .orElseThrow();
        assertEquals(List.of(d), f1.differentials(), "D1's base is F1, although C2 is the newer full before it");
        assertTrue(c2.differentials().isEmpty());
    }

    @Test
    void aLogBackupWithNoLogActivityDoesNotContinueItself() {
        full("F1", 100, 200);
        BackupSet l1 = log("L1", 150, 300);
        catalog.add(BackupSet.ofChain("EMPTY", "TFLOWF", BackupType.LOG, false, lsn(300), lsn(300), null, null, FORK,
                FORK, Instant.EPOCH, false));
        BackupSet l2 = log("L2", 300, 400);

        BackupChain chain = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> BackupChains.of(catalog).chains().get(0));

        assertEquals(List.of(l1, l2), chain.logs());
    }

    private BackupSet full(String id, long first, long last) {
        return add(entry(id, BackupType.FULL, false, first, last, null));
    }

    private BackupSet differential(String id, long first, long last, String base) {
        return add(entry(id, BackupType.DIFFERENTIAL, false, first, last, base));
    }

    private BackupSet log(String id, long first, long last) {
        return add(entry(id, BackupType.LOG, false, first, last, null));
    }

    private BackupSet add(BackupSet entry) {
        catalog.add(entry);
        return entry;
    }

    private static BackupSet entry(String id, BackupType type, boolean copyOnly, long first, long last,
            String base) {
        return BackupSet.ofChain(id, "TFLOWF", type, copyOnly, lsn(first), lsn(last), null, base == null ? null
                : base.toLowerCase(), FORK, FORK, Instant.EPOCH, false);
    }

    private static BigDecimal lsn(long value) {
        return BigDecimal.valueOf(value);
    }
}
