package io.wfdr.backup.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.LogBackups;

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
        LogBackups logs = LogBackups.of(catalog.stream().filter(e -> !e.damaged()).toList());
        List<BackupChain> chains = new ArrayList<>();
        for (BackupSet full : fulls) {
            chains.addAll(chainsOf(full, catalog, logs));
        }
        return new Result(chains, orphans);
    }

    static List<BackupChain> chainsOf(BackupSet full, List<BackupSet> catalog, LogBackups logs) {
        List<BackupSet> differentials = full.canBeDifferentialBase() ? catalog.stream()
                .filter(e -> !e.damaged() && e.isDifferentialOf(full))
                .sorted(Comparator.comparing(BackupSet::lastLsn)).toList() : List.of();
        BackupSet anchor = differentials.isEmpty() ? full : differentials.get(differentials.size() - 1);
        List<List<BackupSet>> runs = logs.runsFrom(anchor);
        if (runs.isEmpty()) {
            List<BackupChain.ChainBreak> breaks = new ArrayList<>();
            logs.whyNothingFollows(anchor).map(BackupChains::chainBreak).ifPresent(breaks::add);
            return List.of(new BackupChain(full, differentials, List.of(), breaks));
        }
        List<BackupChain> chains = new ArrayList<>();
        for (List<BackupSet> run : runs) {
            List<BackupChain.ChainBreak> breaks = new ArrayList<>();
            logs.whyRunEnds(run.get(run.size() - 1)).map(BackupChains::chainBreak).ifPresent(breaks::add);
            chains.add(new BackupChain(full, differentials, run, breaks));
        }
        chains.sort(Comparator.comparing((BackupChain c) -> c.newestRestorable().lastLsn()).reversed());
        return chains;
    }

    private static BackupChain.ChainBreak chainBreak(LogBackups.Break found) {
        return new BackupChain.ChainBreak(found.backupSetUuid(), found.reason());
    }
}
