package io.wfdr.restore.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.LogBackups;

/**
 * The second stage of a restore: from a database's {@link BackupHistory}, the exact chain that brings it to a point
 * in time — one full (a copy-only full too), at most one differential (the latest on that full, by base GUID, before
 * the point), then the log backups to the point with {@code STOPAT} on the last. Only sets a restore can use take
 * part: undamaged, restorable from files, every stripe verified offsite. The newest full that reaches the point wins
 * (the fewest backups to apply); an older full is used only where the newer ones cannot reach it (a log gap).
 */
public final class ChainSelection {

    private ChainSelection() {
    }

    /** The restore: {@code stopAt} null means to the end of the last backup (latest). */
    public record Selected(BackupSet full, BackupSet differential, List<BackupSet> logs, Instant stopAt,
            Instant restoresTo) {

        public List<BackupSet> steps() {
            List<BackupSet> steps = new ArrayList<>();
            steps.add(full);
            if (differential != null) {
                steps.add(differential);
            }
            steps.addAll(logs);
            return steps;
        }
    }

    /** What the catalog can reach: from the oldest usable full to {@code latest}, and why nothing later. */
    public record Reach(Instant earliest, Instant latest, String whyNotLater) {
    }

    /** The point in time asked for lies outside what the catalog can reach. */
    public static final class Unreachable extends RuntimeException {
        private final transient Instant requested;
        private final transient Reach reach;

        Unreachable(Instant requested, Reach reach, String why) {
            super(why);
            this.requested = requested;
            this.reach = reach;
        }

        public Instant requested() {
            return requested;
        }

        public Reach reach() {
            return reach;
        }
    }

    /** The restore to the latest point the catalog can reach: the chain whose last backup ends latest. */
    public static Selected latest(BackupHistory history) {
        return history.derived("latest", () -> findLatest(history));
    }

    private static Selected findLatest(BackupHistory history) {
        LogBackups logs = usableLogs(history);
        Map<String, Instant> furthest = history.derived("furthest ends", () -> furthestEnds(logs, history));
        Selected best = null;
        for (BackupSet full : fulls(history)) {
            BackupSet differential = latestDifferential(history, full, Instant.MAX);
            BackupSet anchor = differential == null ? full : differential;
            Instant end = anchor.finishedAt();
            for (BackupSet first : logs.following(anchor)) {
                Instant reach = furthest.get(first.backupSetUuid());
                end = reach.isAfter(end) ? reach : end;
            }
            if (best == null || end.isAfter(best.restoresTo())) {
                best = new Selected(full, differential, List.of(), null, end);
            }
        }
        if (best == null) {
            throw new Unreachable(null, new Reach(null, null, nothingToRestore(history)), nothingToRestore(history));
        }
        return withLogs(best, logs, furthest);
    }

    /** For every usable log, the latest end any chain through it reaches (computed newest first, once). */
    private static Map<String, Instant> furthestEnds(LogBackups logs, BackupHistory history) {
        List<BackupSet> byLastLsn = history.sets().stream().filter(s -> s.type() == BackupType.LOG && !s.copyOnly()
                && history.usable(s)).sorted(Comparator.comparing(BackupSet::lastLsn).reversed()).toList();
        Map<String, Instant> furthest = new HashMap<>();
        for (BackupSet log : byLastLsn) {
            Instant end = log.finishedAt();
            for (BackupSet next : logs.continuing(log)) {
                Instant after = furthest.get(next.backupSetUuid());
                end = after != null && after.isAfter(end) ? after : end;
            }
            furthest.put(log.backupSetUuid(), end);
        }
        return furthest;
    }

    /** The logs of the chosen latest restore: at each step, the log through which its end is reached. */
    private static Selected withLogs(Selected chosen, LogBackups logs, Map<String, Instant> furthest) {
        BackupSet anchor = chosen.differential() == null ? chosen.full() : chosen.differential();
        List<BackupSet> path = new ArrayList<>();
        List<BackupSet> next = logs.following(anchor);
        while (true) {
            BackupSet step = next.stream().filter(l -> furthest.get(l.backupSetUuid()).equals(chosen.restoresTo()))
                    .findFirst().orElse(null);
            if (step == null) {
                break;
            }
            path.add(step);
            if (step.finishedAt().equals(chosen.restoresTo())) {
                break;
            }
            next = logs.continuing(step);
        }
        return new Selected(chosen.full(), chosen.differential(), List.copyOf(path), null, chosen.restoresTo());
    }

    /** The restore to {@code pointInTime}, or {@link Unreachable} naming that time and what is reachable. */
    public static Selected at(BackupHistory history, Instant pointInTime) {
        List<String> why = new ArrayList<>();
        LogBackups logs = usableLogs(history);
        for (BackupSet full : fulls(history)) {
            if (full.finishedAt().isAfter(pointInTime)) {
                continue;
            }
            Optional<Selected> reached = reach(history, logs, full, pointInTime, why);
            if (reached.isPresent()) {
                return reached.get();
            }
        }
        Reach reach = reach(history);
        String reason = why.isEmpty() ? "no usable full backup finished at or before " + pointInTime
                : String.join("; ", why);
        throw new Unreachable(pointInTime, reach, pointInTime + " cannot be reached: " + reason);
    }

    /** The range the catalog can restore to, and why nothing after it. */
    public static Reach reach(BackupHistory history) {
        return history.derived("reach", () -> findReach(history));
    }

    private static Reach findReach(BackupHistory history) {
        List<BackupSet> fulls = fulls(history);
        if (fulls.isEmpty()) {
            return new Reach(null, null, nothingToRestore(history));
        }
        Selected latest = latest(history);
        Instant earliest = fulls.stream().map(BackupSet::finishedAt).min(Comparator.naturalOrder()).orElseThrow();
        return new Reach(earliest, latest.restoresTo(), whyNothingLater(history, latest));
    }

    private static Optional<Selected> reach(BackupHistory history, LogBackups logs, BackupSet full, Instant point,
            List<String> why) {
        BackupSet differential = latestDifferential(history, full, point);
        BackupSet anchor = differential == null ? full : differential;
        if (!anchor.finishedAt().isBefore(point)) {
            return Optional.of(new Selected(full, differential, List.of(), null, anchor.finishedAt()));
        }
        List<List<BackupSet>> runs = new ArrayList<>(logs.runsFrom(anchor, point));
        runs.sort(Comparator.comparing((List<BackupSet> r) -> r.get(r.size() - 1).finishedAt()).reversed());
        for (List<BackupSet> run : runs) {
            int covering = covering(run, point);
            if (covering < 0) {
                continue;
            }
            BackupSet log = run.get(covering);
            if (startsNewFork(log) && point.isBefore(log.startedAt())) {
                continue;
            }
            if (log.hasBulkLoggedData() && log.finishedAt().isAfter(point)) {
                why.add("log backup " + log.backupSetUuid() + " holds bulk-logged changes, so STOPAT cannot point "
                        + "inside it; the nearest points are " + previousEnd(anchor, run, covering) + " and "
                        + log.finishedAt());
                return Optional.empty();
            }
            boolean exact = log.finishedAt().equals(point);
            return Optional.of(new Selected(full, differential, List.copyOf(run.subList(0, covering + 1)),
                    exact ? null : point, point));
        }
        Instant end = runs.isEmpty() ? anchor.finishedAt() : runs.get(0).get(runs.get(0).size() - 1).finishedAt();
        why.add("the chain from full " + full.backupSetUuid() + " reaches only " + end);
        return Optional.empty();
    }

    /** The first log of the run whose end is at or after the point: the one STOPAT points into. */
    private static int covering(List<BackupSet> run, Instant point) {
        for (int i = 0; i < run.size(); i++) {
            if (!run.get(i).finishedAt().isBefore(point)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A log backup taken after a restore to a point in time begins a new recovery fork; the fork did not exist
     * before that log began, so the log serves only later points (earlier ones belong to the old fork).
     */
    private static boolean startsNewFork(BackupSet log) {
        return log.firstRecoveryForkGuid() != null && log.lastRecoveryForkGuid() != null
                && !log.firstRecoveryForkGuid().equalsIgnoreCase(log.lastRecoveryForkGuid());
    }

    private static Instant previousEnd(BackupSet anchor, List<BackupSet> run, int index) {
        return index == 0 ? anchor.finishedAt() : run.get(index - 1).finishedAt();
    }

    /** Usable fulls, copy-only ones included, newest first. */
    static List<BackupSet> fulls(BackupHistory history) {
        return history.derived("usable fulls", () -> history.sets().stream()
                .filter(s -> s.type() == BackupType.FULL && history.usable(s))
                .sorted(Comparator.comparing(BackupSet::lastLsn).reversed()).toList());
    }

    /** The latest usable differential on {@code full} finished by {@code point}: a copy-only full is never a base. */
    static BackupSet latestDifferential(BackupHistory history, BackupSet full, Instant point) {
        if (full.copyOnly()) {
            return null;
        }
        return history.differentialsOf(full).stream()
                .filter(s -> s.isDifferentialOf(full) && history.usable(s) && !s.finishedAt().isAfter(point))
                .max(Comparator.comparing(BackupSet::lastLsn)).orElse(null);
    }

    private static LogBackups usableLogs(BackupHistory history) {
        return history.derived("usable logs", () -> LogBackups.of(history.sets().stream().filter(history::usable)
                .toList()));
    }

    private static String nothingToRestore(BackupHistory history) {
        return history.sets().stream().filter(s -> s.type() == BackupType.FULL).map(history::whyUnusable)
                .filter(java.util.Objects::nonNull).findFirst()
                .map(reason -> "no full backup can be restored: " + reason)
                .orElse("the catalog has no full backup of this database");
    }

    /** After the latest reachable point: the next backup is unusable, or a log is missing, or nothing was taken. */
    private static String whyNothingLater(BackupHistory history, Selected latest) {
        BackupSet last = latest.steps().get(latest.steps().size() - 1);
        Optional<BackupSet> next = history.sets().stream()
                .filter(s -> s.type() == BackupType.LOG && !s.copyOnly()
                        && s.firstLsn().compareTo(last.lastLsn()) <= 0 && s.lastLsn().compareTo(last.lastLsn()) > 0)
                .findFirst();
        if (next.isPresent() && history.whyUnusable(next.get()) != null) {
            return history.whyUnusable(next.get());
        }
        Optional<LogBackups.Break> gap = history.derived("all logs", () -> LogBackups.of(history.sets()))
                .whyRunEnds(last);
        if (gap.isPresent()) {
            return gap.get().reason();
        }
        return history.sets().stream().filter(s -> s.finishedAt().isAfter(latest.restoresTo()))
                .map(history::whyUnusable).filter(java.util.Objects::nonNull).findFirst()
                .orElse("no backup was taken after " + last.backupSetUuid() + " (" + latest.restoresTo() + ")");
    }
}
