package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Retention as a property over generated histories: 2,000 random backup histories (daily or missing fulls,
 * copy-only fulls, differentials, hourly logs with gaps, random offsite verification) and the rules that must hold
 * for every one of them.
 */
class RetentionPlanPropertyTest {

    private static final String FORK = "A1B2C3D4-0000-4000-8000-000000000000";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void retentionNeverDeletesWhatARestoreInsideTheWindowOrTheNewestVerifiedChainNeeds() {
        int plansThatDelete = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            Random random = new Random(seed);
            List<BackupSet> catalog = history(random);
            Set<String> verified = verifiedFulls(catalog, random);
            Duration retention = Duration.ofDays(1 + random.nextInt(10));
            RetentionPlan plan = RetentionPlan.of(catalog, verified, NOW, retention);
            check(seed, catalog, verified, retention, plan);
            plansThatDelete += plan.expire().isEmpty() ? 0 : 1;
        }
        assertTrue(plansThatDelete > 500, "the histories exercise deletion, not only keeping: " + plansThatDelete);
    }

    private static void check(long seed, List<BackupSet> catalog, Set<String> verified, Duration retention,
            RetentionPlan plan) {
        String at = "seed " + seed;
        Set<String> expired = ids(plan.expire());
        Set<String> kept = ids(plan.keep());
        assertEquals(catalog.size(), expired.size() + kept.size(), at + ": every backup is decided once");
        assertTrue(expired.stream().noneMatch(kept::contains), at);

        List<BackupChain> chains = BackupChains.of(catalog).chains();
        if (chains.stream().noneMatch(c -> verified.contains(c.full().backupSetUuid()))) {
            assertTrue(expired.isEmpty(), at + ": nothing goes before a full is verified offsite");
            return;
        }
        BackupChain anchor = chains.stream().filter(c -> verified.contains(c.full().backupSetUuid())).findFirst()
                .orElseThrow();
        members(anchor).forEach(id -> assertTrue(kept.contains(id), at + ": the newest verified chain stays"));

        Instant windowStart = NOW.minus(retention);
        catalog.stream().filter(e -> !e.finishedAt().isBefore(windowStart))
                .forEach(e -> assertTrue(kept.contains(e.backupSetUuid()), at + ": inside the window stays"));

        chains.stream().filter(c -> kept.contains(c.full().backupSetUuid()))
                .forEach(c -> members(c).forEach(id ->
                        assertTrue(kept.contains(id), at + ": a kept chain keeps what it needs")));

        boolean restorableAtWindowStart = chains.stream().anyMatch(c -> !c.full().finishedAt().isAfter(windowStart));
        if (restorableAtWindowStart) {
            assertTrue(chains.stream().anyMatch(c -> !c.full().finishedAt().isAfter(windowStart)
                    && kept.contains(c.full().backupSetUuid())), at + ": the start of the window stays restorable");
        }
    }

    private static List<String> members(BackupChain chain) {
        List<String> ids = new ArrayList<>();
        ids.add(chain.full().backupSetUuid());
        chain.differentials().forEach(d -> ids.add(d.backupSetUuid()));
        chain.logs().forEach(l -> ids.add(l.backupSetUuid()));
        return ids;
    }

    private static Set<String> ids(List<RetentionPlan.Decision> decisions) {
        return decisions.stream().map(RetentionPlan.Decision::backupSetId).collect(Collectors.toSet());
    }

    private static Set<String> verifiedFulls(List<BackupSet> catalog, Random random) {
        Set<String> verified = new HashSet<>();
        catalog.stream().filter(e -> e.type() == BackupType.FULL && random.nextInt(3) > 0)
                .forEach(e -> verified.add(e.backupSetUuid()));
        return verified;
    }

    /** Up to 20 days: a full at 02:00 most days, differentials every 4 hours, hourly logs with an occasional gap. */
    private static List<BackupSet> history(Random random) {
        List<BackupSet> catalog = new ArrayList<>();
        long lsn = 1_000;
        long logFrom = lsn;
        String base = null;
        int days = 1 + random.nextInt(20);
        Instant start = NOW.minus(Duration.ofDays(days));
        int id = 0;
        for (int hour = 0; hour < days * 24; hour++) {
            Instant at = start.plus(Duration.ofHours(hour));
            if (hour % 24 == 2 && random.nextInt(10) > 1) {
                boolean copyOnly = random.nextInt(8) == 0;
                BackupSet full = entry("F" + id++, BackupType.FULL, copyOnly, lsn, lsn + 5, null, at);
                catalog.add(full);
                if (!copyOnly) {
                    base = full.backupSetUuid();
                }
                lsn += 10;
            }
            if (hour % 4 == 0 && base != null && random.nextInt(4) > 0) {
                catalog.add(entry("D" + id++, BackupType.DIFFERENTIAL, false, lsn, lsn + 5, base, at));
                lsn += 10;
            }
            if (random.nextInt(30) == 0) {
                logFrom = lsn + 7;
            }
            catalog.add(entry("L" + id++, BackupType.LOG, false, logFrom, lsn + 3, null, at.plusSeconds(600)));
            logFrom = lsn + 3;
            lsn += 10;
        }
        return catalog;
    }

    private static BackupSet entry(String id, BackupType type, boolean copyOnly, long first, long last,
            String base, Instant at) {
        return BackupSet.ofChain(id, "TFLOWF", type, copyOnly, BigDecimal.valueOf(first), BigDecimal.valueOf(last),
                null, base, FORK, FORK, at, false);
    }
}
