package io.wfdr.restore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;

/**
 * Plans for generated histories (daily fulls, copy-only fulls, differentials, logs with gaps, a restore that forks
 * the log chain, two-stripe sets with a stripe missing, damaged and unverified sets, bulk-logged logs, duplicate rows)
 * compared with a deliberately simple reference: it tries every full, takes the latest differential by hand and
 * follows every chain of logs one by one, with no index and no shortcut.
 */
class ChainSelectionPropertyTest {

    private static final int HISTORIES = 300;
    private static final int POINTS = 25;

    @Test
    void everyPlanIsWhatTheSimpleReferenceFindsForTheSamePointInTime() {
        Random random = new Random(20261201);
        int checked = 0;
        int reachable = 0;
        for (int n = 0; n < HISTORIES; n++) {
            Generated generated = Generated.history(random);
            BackupHistory history = generated.h.history();
            for (int p = 0; p < POINTS; p++) {
                Instant point = generated.randomPoint(random);
                Optional<Reference.Plan> expected = Reference.best(history, point);
                Optional<ChainSelection.Selected> actual = selection(history, point);
                checked++;
                if (expected.isEmpty()) {
                    assertTrue(actual.isEmpty(), "history " + n + " at " + point + ": the reference reaches nothing, "
                            + "the plan uses " + actual.map(s -> ids(s.steps())).orElse(null));
                    continue;
                }
                reachable++;
                String where = "history " + n + " at " + point;
                ChainSelection.Selected selected = actual.orElseThrow(() -> new AssertionError(where
                        + ": the reference reaches it from " + expected.get().full().backupSetUuid()));
                assertEquals(expected.get().full(), selected.full(), "history " + n + " at " + point + ": the full");
                assertEquals(expected.get().differential(), selected.differential(), "the differential");
                assertTrue(Reference.valid(history, selected, point), "history " + n + " at " + point
                        + ": an invalid plan " + ids(selected.steps()));
            }
            assertLatest(history, n);
        }
        assertTrue(reachable > checked / 3, "the generator makes mostly reachable points: " + reachable + "/" + checked);
    }

    private static void assertLatest(BackupHistory history, int n) {
        Optional<Instant> expected = Reference.latest(history);
        try {
            ChainSelection.Selected latest = ChainSelection.latest(history);
            assertEquals(expected.orElse(null), latest.restoresTo(), "history " + n + ": the latest point");
            assertTrue(Reference.valid(history, latest, latest.restoresTo()), "history " + n + ": the latest plan "
                    + ids(latest.steps()) + " keeps every rule");
        } catch (ChainSelection.Unreachable e) {
            assertTrue(expected.isEmpty(), "history " + n + ": the reference reaches " + expected.orElse(null));
        }
    }

    private static Optional<ChainSelection.Selected> selection(BackupHistory history, Instant point) {
        try {
            return Optional.of(ChainSelection.at(history, point));
        } catch (ChainSelection.Unreachable e) {
            return Optional.empty();
        }
    }

    private static List<String> ids(List<BackupSet> sets) {
        return sets.stream().map(BackupSet::backupSetUuid).toList();
    }

    /** The rules, written as plainly as possible. */
    static final class Reference {

        record Plan(BackupSet full, BackupSet differential, List<BackupSet> logs) {
        }

        static boolean usable(BackupHistory history, BackupSet set) {
            if (set.damaged()) {
                return false;
            }
            for (int stripe = 1; stripe <= Math.max(1, set.media().familyCount()); stripe++) {
                boolean copied = false;
                for (CopyLocation copy : history.copiesOf(set)) {
                    copied |= copy.stripe() == stripe;
                }
                if (!copied) {
                    return false;
                }
            }
            return true;
        }

        static BackupSet latestDifferential(BackupHistory history, BackupSet full, Instant point) {
            if (full.copyOnly()) {
                return null;
            }
            BackupSet latest = null;
            for (BackupSet set : history.sets()) {
                boolean onFull = set.type() == BackupType.DIFFERENTIAL && set.differentialBaseGuid() != null
                        && set.differentialBaseGuid().equalsIgnoreCase(full.backupSetUuid());
                if (onFull && usable(history, set) && !set.finishedAt().isAfter(point)
                        && (latest == null || set.lastLsn().compareTo(latest.lastLsn()) > 0)) {
                    latest = set;
                }
            }
            return latest;
        }

        /** Every valid plan to the point, and of those the one from the newest full. */
        static Optional<Plan> best(BackupHistory history, Instant point) {
            Plan best = null;
            for (BackupSet full : history.sets()) {
                if (full.type() != BackupType.FULL || !usable(history, full) || full.finishedAt().isAfter(point)) {
                    continue;
                }
                BackupSet differential = latestDifferential(history, full, point);
                BackupSet anchor = differential == null ? full : differential;
                List<BackupSet> logs = anchor.finishedAt().equals(point) ? List.of() : logsTo(history, anchor, point);
                if (logs == null) {
                    continue;
                }
                if (best == null || full.lastLsn().compareTo(best.full().lastLsn()) > 0) {
                    best = new Plan(full, differential, logs);
                }
            }
            return Optional.ofNullable(best);
        }

        /** Some chain of logs from the anchor whose last log may stop at the point; null when there is none. */
        static List<BackupSet> logsTo(BackupHistory history, BackupSet anchor, Instant point) {
            if (!anchor.finishedAt().isBefore(point)) {
                return anchor.finishedAt().equals(point) ? List.of() : null;
            }
            for (BackupSet first : history.sets()) {
                if (isLog(history, first) && first.firstLsn().compareTo(anchor.lastLsn()) <= 0
                        && first.lastLsn().compareTo(anchor.lastLsn()) > 0
                        && first.firstRecoveryForkGuid().equalsIgnoreCase(anchor.lastRecoveryForkGuid())) {
                    List<BackupSet> found = extend(history, new ArrayList<>(List.of(first)), point);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private static List<BackupSet> extend(BackupHistory history, List<BackupSet> chain, Instant point) {
            BackupSet last = chain.get(chain.size() - 1);
            if (!last.finishedAt().isBefore(point)) {
                return stopsHere(last, point) ? chain : null;
            }
            for (BackupSet next : history.sets()) {
                if (isLog(history, next) && next.firstLsn().compareTo(last.lastLsn()) == 0
                        && next.lastLsn().compareTo(last.lastLsn()) > 0
                        && next.firstRecoveryForkGuid().equalsIgnoreCase(last.lastRecoveryForkGuid())) {
                    List<BackupSet> longer = new ArrayList<>(chain);
                    longer.add(next);
                    List<BackupSet> found = extend(history, longer, point);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        }

        private static boolean stopsHere(BackupSet log, Instant point) {
            boolean forkStart = !log.firstRecoveryForkGuid().equalsIgnoreCase(log.lastRecoveryForkGuid());
            if (forkStart && point.isBefore(log.startedAt())) {
                return false;
            }
            return !(log.hasBulkLoggedData() && log.finishedAt().isAfter(point));
        }

        private static boolean isLog(BackupHistory history, BackupSet set) {
            return set.type() == BackupType.LOG && !set.copyOnly() && usable(history, set);
        }

        /** The latest point any plan reaches: the end of some full, its latest differential, or a log after them. */
        static Optional<Instant> latest(BackupHistory history) {
            Instant latest = null;
            for (BackupSet set : history.sets()) {
                if (usable(history, set) && set.type() != BackupType.DIFFERENTIAL
                        && (latest == null || set.finishedAt().isAfter(latest))
                        && best(history, set.finishedAt()).isPresent()) {
                    latest = set.finishedAt();
                }
                if (set.type() == BackupType.DIFFERENTIAL && usable(history, set)
                        && (latest == null || set.finishedAt().isAfter(latest))
                        && best(history, set.finishedAt()).isPresent()) {
                    latest = set.finishedAt();
                }
            }
            return Optional.ofNullable(latest);
        }

        /** Whether a plan keeps every rule for the point. */
        static boolean valid(BackupHistory history, ChainSelection.Selected plan, Instant point) {
            if (!usable(history, plan.full()) || plan.full().finishedAt().isAfter(point)) {
                return false;
            }
            BackupSet expectedDifferential = latestDifferential(history, plan.full(), point);
            if (plan.differential() != expectedDifferential) {
                return false;
            }
            BackupSet anchor = plan.differential() == null ? plan.full() : plan.differential();
            if (plan.logs().isEmpty()) {
                return anchor.finishedAt().equals(point);
            }
            BackupSet previous = anchor;
            for (int i = 0; i < plan.logs().size(); i++) {
                BackupSet log = plan.logs().get(i);
                boolean first = i == 0;
                boolean joins = first ? log.firstLsn().compareTo(anchor.lastLsn()) <= 0
                        && log.lastLsn().compareTo(anchor.lastLsn()) > 0
                        : log.firstLsn().compareTo(previous.lastLsn()) == 0;
                if (!isLog(history, log) || !joins
                        || !log.firstRecoveryForkGuid().equalsIgnoreCase(previous.lastRecoveryForkGuid())) {
                    return false;
                }
                boolean isLast = i == plan.logs().size() - 1;
                if (!isLast && !log.finishedAt().isBefore(point)) {
                    return false;
                }
                previous = log;
            }
            return !previous.finishedAt().isBefore(point) && stopsHere(previous, point)
                    && (previous.finishedAt().equals(point) ? plan.stopAt() == null : point.equals(plan.stopAt()));
        }
    }

    /** A generated history of a few days, and the times worth asking about. */
    static final class Generated {
        final Histories h = new Histories();
        int end;

        static Generated history(Random random) {
            Generated g = new Generated();
            g.build(random);
            return g;
        }

        Instant randomPoint(Random random) {
            return Histories.at(random.nextInt(end + 60)).plusSeconds(random.nextInt(4) * 15L);
        }

        private void build(Random random) {
            int days = 1 + random.nextInt(3);
            int logEvery = 30;
            long lsn = 1_000;
            String fork = Histories.FORK;
            String lastFull = null;
            int forkAt = random.nextInt(3) == 0 ? 200 + random.nextInt(days * 1440 - 300) : -1;
            int id = 0;
            List<BackupSet> logsSoFar = new ArrayList<>();
            for (int minute = logEvery; minute <= days * 1440; minute += logEvery) {
                if (forkAt > 0 && minute >= forkAt && !logsSoFar.isEmpty() && fork.equals(Histories.FORK)) {
                    BackupSet back = logsSoFar.get(random.nextInt(logsSoFar.size()));
                    String newFork = "F2222222-0000-4000-8000-" + String.format("%012d", id);
                    BackupSet spanning = Histories.set("N" + id++, BackupType.LOG, false, back.lastLsn().longValue(),
                            lsn + 5, null, back.lastRecoveryForkGuid(), newFork, minute, false, false, 1);
                    add(spanning, random);
                    fork = newFork;
                    lsn += 10;
                    logsSoFar.add(spanning);
                    continue;
                }
                if (minute % 1440 == 0 || minute == logEvery) {
                    String fullId = "F" + id++;
                    add(Histories.set(fullId, BackupType.FULL, false, lsn - 50, lsn, null, fork, fork, minute,
                            random.nextInt(12) == 0, false, random.nextInt(5) == 0 ? 2 : 1), random);
                    lastFull = fullId;
                } else if (minute % 360 == 0 && random.nextBoolean()) {
                    add(Histories.set("C" + id++, BackupType.FULL, true, lsn - 40, lsn, null, fork, fork, minute,
                            false, false, 1), random);
                } else if (minute % 180 == 0 && lastFull != null) {
                    add(Histories.set("D" + id++, BackupType.DIFFERENTIAL, false, lsn - 30, lsn, lastFull, fork, fork,
                            minute, random.nextInt(15) == 0, false, 1), random);
                }
                long first = lsn;
                lsn += 10 + random.nextInt(5);
                if (random.nextInt(40) == 0) {
                    continue;
                }
                BackupSet log = Histories.set("L" + id++, BackupType.LOG, random.nextInt(50) == 0, first, lsn, null,
                        fork, fork, minute, random.nextInt(40) == 0, random.nextInt(30) == 0, 1);
                add(log, random);
                logsSoFar.add(log);
            }
            end = days * 1440;
        }

        private void add(BackupSet set, Random random) {
            h.sets.add(set);
            if (random.nextInt(25) == 0) {
                h.sets.add(set);
            }
            int roll = random.nextInt(30);
            if (roll == 0) {
                return;
            }
            if (roll == 1 && set.media().familyCount() > 1) {
                h.copy(set, 1);
                return;
            }
            h.copyAll(set);
        }
    }

    @Test
    void theReferenceItselfRefusesABrokenPlan() {
        Histories h = new Histories();
        BackupSet full = h.full("F1", 100, 200, 0);
        BackupSet l1 = h.log("L1", 150, 300, 30);
        h.log("L2", 300, 400, 60);
        BackupHistory history = h.history();
        Instant point = Histories.at(50);
        if (Reference.valid(history, new ChainSelection.Selected(full, null, List.of(l1), point, point), point)) {
            fail("a plan that stops in L1 for a point L1 does not reach must be invalid");
        }
        assertTrue(Reference.best(history, point).isPresent());
    }
}
