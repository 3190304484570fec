package io.wfdr.backup.domain;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/**
 * Builds the restore chains of one database from its catalog, the way SQL Server will judge them at restore:
 * any undamaged full starts a chain, a copy-only full too (logs after it apply); a differential belongs to the
 * full whose backup set GUID is its differential base, and a copy-only full is never a base; log backups must be
 * contiguous (each starts at the LSN the previous one ended) on one recovery fork, and the first must hold the
 * anchor's last LSN on the anchor's fork. After a restore to a point in time the log chain forks: each fork is
 * followed and becomes a chain of its own. A damaged backup is unusable. A chain never claims more than SQL Server
 * would restore.
 */
public final class BackupChains {

    private BackupChains() {
    }

    public record Result(List<BackupChain> chains, List<BackupChain.ChainBreak> breaks) {
    }

    /** The chains, newest full first (and, for one full, the branch that reaches furthest first). */
    public static Result of(List<BackupSet> catalog) {
        List<BackupChain.ChainBreak> orphans = new ArrayList<>();
        catalog.stream().filter(BackupSet::damaged).forEach(e -> orphans.add(new BackupChain.ChainBreak(
                e.backupSetUuid(), e.type() + " backup is marked damaged in msdb; it cannot be restored")));
        List<BackupSet> fulls = catalog.stream().filter(BackupSet::canStartRestore)
                .sorted(Comparator.comparing(BackupSet::lastLsn).reversed()).toList();
        catalog.stream()
                .filter(e -> e.type() == BackupType.DIFFERENTIAL && !e.damaged())
                .filter(d -> fulls.stream().noneMatch(f -> f.canBeDifferentialBase() && d.isDifferentialOf(f)))
                .forEach(d -> orphans.add(new BackupChain.ChainBreak(d.backupSetUuid(),
                        "differential whose base full (" + d.differentialBaseGuid() + ") is not in the catalog, "
                                + "or is copy-only or damaged; import the missing history or take a new full")));
        LogIndex logs = new LogIndex(catalog);
        List<BackupChain> chains = new ArrayList<>();
        for (BackupSet full : fulls) {
            chains.addAll(chainsOf(full, catalog, logs));
        }
        return new Result(chains, orphans);
    }

    static List<BackupChain> chainsOf(BackupSet full, List<BackupSet> catalog, LogIndex logs) {
        List<BackupSet> differentials = full.canBeDifferentialBase() ? catalog.stream()
                .filter(e -> !e.damaged() && e.isDifferentialOf(full))
                .sorted(Comparator.comparing(BackupSet::lastLsn)).toList() : List.of();
        BackupSet anchor = differentials.isEmpty() ? full : differentials.get(differentials.size() - 1);
        List<BackupSet> firsts = logs.following(anchor);
        if (firsts.isEmpty()) {
            List<BackupChain.ChainBreak> breaks = new ArrayList<>();
            logs.whyNothingFollows(anchor).ifPresent(breaks::add);
            return List.of(new BackupChain(full, differentials, List.of(), breaks));
        }
        List<BackupChain> chains = new ArrayList<>();
        for (List<BackupSet> run : logs.runsFrom(firsts)) {
            List<BackupChain.ChainBreak> breaks = new ArrayList<>();
            logs.whyRunEnds(run.get(run.size() - 1)).ifPresent(breaks::add);
            chains.add(new BackupChain(full, differentials, run, breaks));
        }
        chains.sort(Comparator.comparing((BackupChain c) -> c.newestRestorable().lastLsn()).reversed());
        return chains;
    }

    /** The usable log backups of a database, found by the LSN they start at. */
    static final class LogIndex {
        private final List<BackupSet> logs;
        private final Map<BigDecimal, List<BackupSet>> byFirstLsn = new HashMap<>();

        LogIndex(List<BackupSet> catalog) {
            logs = catalog.stream().filter(e -> e.type() == BackupType.LOG && !e.copyOnly() && !e.damaged())
                    .sorted(Comparator.comparing(BackupSet::firstLsn).thenComparing(BackupSet::lastLsn)).toList();
            logs.forEach(l -> byFirstLsn.computeIfAbsent(l.firstLsn().stripTrailingZeros(), k -> new ArrayList<>())
                    .add(l));
        }

        List<BackupSet> following(BackupSet anchor) {
            return logs.stream().filter(l -> l.canFollow(anchor)).toList();
        }

        List<BackupSet> continuing(BackupSet previous) {
            return byFirstLsn.getOrDefault(previous.lastLsn().stripTrailingZeros(), List.of()).stream()
                    .filter(l -> l.continues(previous) && l.lastLsn().compareTo(previous.lastLsn()) > 0).toList();
        }

        /** Every maximal run of contiguous logs from each first log, one per recovery fork taken. */
        List<List<BackupSet>> runsFrom(List<BackupSet> firsts) {
            List<List<BackupSet>> runs = new ArrayList<>();
            Deque<List<BackupSet>> open = new ArrayDeque<>();
            firsts.forEach(f -> open.push(new ArrayList<>(List.of(f))));
            while (!open.isEmpty()) {
                List<BackupSet> run = open.pop();
                while (true) {
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

        java.util.Optional<BackupChain.ChainBreak> whyNothingFollows(BackupSet anchor) {
            BigDecimal lsn = anchor.lastLsn();
            return logs.stream().filter(l -> l.lastLsn().compareTo(lsn) > 0).findFirst().map(l -> {
                boolean holdsIt = l.firstLsn().compareTo(lsn) <= 0;
                return new BackupChain.ChainBreak(l.backupSetUuid(), holdsIt
                        ? "recovery fork: the log backup holding LSN " + lsn + " is on fork "
                                + l.firstRecoveryForkGuid() + ", not on " + anchor.lastRecoveryForkGuid()
                                + " of " + anchor.backupSetUuid()
                        : "log gap: no log backup holds LSN " + lsn + "; the next one starts at " + l.firstLsn());
            });
        }

        /** A run ends at a gap, at a change of fork, or simply at the newest log of its fork (no break). */
        java.util.Optional<BackupChain.ChainBreak> whyRunEnds(BackupSet last) {
            for (BackupSet l : byFirstLsn.getOrDefault(last.lastLsn().stripTrailingZeros(), List.of())) {
                return java.util.Optional.of(new BackupChain.ChainBreak(l.backupSetUuid(), "recovery fork changed "
                        + "after " + last.backupSetUuid() + " (the database was restored): " + l.backupSetUuid()
                        + " starts on fork " + l.firstRecoveryForkGuid()));
            }
            return logs.stream()
                    .filter(l -> l.firstLsn().compareTo(last.lastLsn()) > 0)
                    .filter(l -> sameFork(l.firstRecoveryForkGuid(), last.lastRecoveryForkGuid()))
                    .findFirst()
                    .map(l -> new BackupChain.ChainBreak(l.backupSetUuid(), "log gap: " + last.backupSetUuid()
                            + " ends at LSN " + last.lastLsn() + " but the next log backup starts at " + l.firstLsn()));
        }

        private static boolean sameFork(String a, String b) {
            return a != null && a.equalsIgnoreCase(b);
        }
    }
}
