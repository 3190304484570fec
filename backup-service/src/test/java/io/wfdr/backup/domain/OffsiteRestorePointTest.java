package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** RPO counts only what a restore from offsite copies alone could reach. */
class OffsiteRestorePointTest {

    private static final String FORK = "F0F0F0F0-0000-4000-8000-000000000000";
    private final BackupSet full = entry("F", BackupType.FULL, 100, 200, null, 1);
    private final BackupSet diff = entry("D", BackupType.DIFFERENTIAL, 200, 300, "F", 2);
    private final BackupSet log1 = entry("L1", BackupType.LOG, 250, 350, null, 3);
    private final BackupSet log2 = entry("L2", BackupType.LOG, 350, 450, null, 4);
    private final BackupChains.Result chains = BackupChains.of(List.of(full, diff, log1, log2));

    @Test
    void nothingIsRestorableFromOffsiteWithoutACopiedFull() {
        assertTrue(OffsiteRestorePoint.newest(chains, Set.of("D", "L1", "L2")).isEmpty());
    }

    @Test
    void theLogsCountOnlyAsFarAsEachOfThemWasCopied() {
        assertEquals(log1, OffsiteRestorePoint.newest(chains, Set.of("F", "D", "L1")).orElseThrow());
        assertEquals(log2, OffsiteRestorePoint.newest(chains, Set.of("F", "D", "L1", "L2")).orElseThrow());
    }

    @Test
    void anUncopiedNewestDifferentialStopsTheRestoreAtTheFull() {
        assertEquals(full, OffsiteRestorePoint.newest(chains, Set.of("F", "L1", "L2")).orElseThrow());
    }

    private static BackupSet entry(String id, BackupType type, long first, long last, String base, int minute) {
        return BackupSet.ofChain(id, "TFLOWF", type, false, BigDecimal.valueOf(first), BigDecimal.valueOf(last), null,
                base, FORK, FORK, Instant.parse("2026-11-25T03:00:00Z").plusSeconds(60L * minute), false);
    }
}
