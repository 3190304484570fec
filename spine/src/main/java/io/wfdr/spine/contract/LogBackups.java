package io.wfdr.spine.contract;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The log backups a restore can apply, as SQL Server chains them: the first holds the anchor's (full's or
 * differential's) last LSN on the anchor's recovery fork, each next one starts at the LSN the previous one ended on
 * the same fork; copy-only logs never take part. After a restore to a point in time the chain forks, and every
 * fork is a run of its own. Shared by the backup service (chains, RPO, retention) and the restore service (plans).
 */
public final class LogBackups {

    /** Where a run ends and why: a gap, or a change of recovery fork. */
    public record Break(String backupSetUuid, String reason) {
    }

    private static final Comparator<BackupSet> BY_FIRST_LSN = Comparator.comparing(BackupSet::firstLsn)
            .thenComparing(BackupSet::lastLsn);

    private final List<BackupSet> logs;
    private final Map<BigDecimal, List<BackupSet>> byFirstLsn = new HashMap<>();
    /** The logs by last LSN, and for each position the lowest first LSN from there on: which logs can hold an LSN. */
    private final List<BackupSet> byLastLsn;
    private final BigDecimal[] lowestFirstFrom;

    private LogBackups(List<BackupSet> logs) {
        this.logs = logs;
        logs.forEach(l -> byFirstLsn.computeIfAbsent(l.firstLsn().stripTrailingZeros(), k -> new ArrayList<>()).add(l));
        byLastLsn = logs.stream().sorted(Comparator.comparing(BackupSet::lastLsn)).toList();
        lowestFirstFrom = new BigDecimal[byLastLsn.size()];
        for (int i = byLastLsn.size() - 1; i >= 0; i--) {
            BigDecimal first = byLastLsn.get(i).firstLsn();
            lowestFirstFrom[i] = i == byLastLsn.size() - 1 || first.compareTo(lowestFirstFrom[i + 1]) < 0 ? first
                    : lowestFirstFrom[i + 1];
        }
    }

    /** The log backups among {@code sets} that are not copy-only (the caller leaves out what it cannot use). */
    public static LogBackups of(Collection<BackupSet> sets) {
        return new LogBackups(sets.stream().filter(e -> e.type() == BackupType.LOG && !e.copyOnly())
                .sorted(BY_FIRST_LSN).toList());
    }

    /**
     * The logs that can be applied first after {@code anchor}: those holding its last LSN on its fork. Found from
     * the first log that ends after that LSN, as long as a log from there on can still begin at or before it.
     */
    public List<BackupSet> following(BackupSet anchor) {
        BigDecimal lsn = anchor.lastLsn();
        List<BackupSet> found = new ArrayList<>();
        for (int i = firstEndingAfter(lsn); i < byLastLsn.size() && lowestFirstFrom[i].compareTo(lsn) <= 0; i++) {
            if (byLastLsn.get(i).canFollow(anchor)) {
                found.add(byLastLsn.get(i));
            }
        }
        found.sort(BY_FIRST_LSN);
        return found;
    }

    private int firstEndingAfter(BigDecimal lsn) {
        int low = 0;
        int high = byLastLsn.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (byLastLsn.get(middle).lastLsn().compareTo(lsn) > 0) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The logs that can be applied right after {@code previous} (more than one where the chain forks). */
    public List<BackupSet> continuing(BackupSet previous) {
        return byFirstLsn.getOrDefault(previous.lastLsn().stripTrailingZeros(), List.of()).stream()
                .filter(l -> l.continues(previous) && l.lastLsn().compareTo(previous.lastLsn()) > 0).toList();
    }

    /** Every maximal run of contiguous logs from the anchor, one per recovery fork taken. */
    public List<List<BackupSet>> runsFrom(BackupSet anchor) {
        return runsFrom(anchor, java.time.Instant.MAX);
    }

    /** The runs from the anchor, each followed only until a log that ends at or after {@code until}. */
    public List<List<BackupSet>> runsFrom(BackupSet anchor, java.time.Instant until) {
        List<List<BackupSet>> runs = new ArrayList<>();
        Deque<List<BackupSet>> open = new ArrayDeque<>();
        following(anchor).forEach(f -> open.push(new ArrayList<>(List.of(f))));
        while (!open.isEmpty()) {
            List<BackupSet> run = open.pop();
            while (run.get(run.size() - 1).finishedAt().isBefore(until)) {
                List<BackupSet> next = continuing(run.get(run.size() - 1));
                if (next.isEmpty()) {
                    break;
                }
                for (int i = 1; i < next.size(); i++) {
                    List<BackupSet> branch = new ArrayList<>(run);
                    branch.add(next.get(i));
                    open.push(branch);
                }
                run.add(next.get(0));
            }
            runs.add(run);
        }
        return runs;
    }

    /** Why no log can follow the anchor: the log holding its LSN is on another fork, or none holds it. */
    public Optional<Break> whyNothingFollows(BackupSet anchor) {
        BigDecimal lsn = anchor.lastLsn();
        return logs.stream().filter(l -> l.lastLsn().compareTo(lsn) > 0).findFirst().map(l -> {
            boolean holdsIt = l.firstLsn().compareTo(lsn) <= 0;
            return new Break(l.backupSetUuid(), holdsIt
                    ? "recovery fork: the log backup holding LSN " + lsn + " is on fork " + l.firstRecoveryForkGuid()
                            + ", not on " + anchor.lastRecoveryForkGuid() + " of " + anchor.backupSetUuid()
                    : "log gap: no log backup holds LSN " + lsn + "; the next one starts at " + l.firstLsn());
        });
    }

    /** A run ends at a gap, at a change of fork, or simply at the newest log of its fork (no break). */
    public Optional<Break> whyRunEnds(BackupSet last) {
        for (BackupSet l : byFirstLsn.getOrDefault(last.lastLsn().stripTrailingZeros(), List.of())) {
            if (l.lastLsn().compareTo(last.lastLsn()) > 0) {
                return Optional.of(new Break(l.backupSetUuid(), "recovery fork changed after " + last.backupSetUuid()
                        + " (the database was restored): " + l.backupSetUuid() + " starts on fork "
                        + l.firstRecoveryForkGuid()));
            }
        }
        return logs.stream()
                .filter(l -> l.firstLsn().compareTo(last.lastLsn()) > 0)
                .filter(l -> l.firstRecoveryForkGuid() != null
                        && l.firstRecoveryForkGuid().equalsIgnoreCase(last.lastRecoveryForkGuid()))
                .findFirst()
                .map(l -> new Break(l.backupSetUuid(), "log gap: " + last.backupSetUuid() + " ends at LSN "
                        + last.lastLsn() + " but the next log backup starts at " + l.firstLsn()));
    }
}
