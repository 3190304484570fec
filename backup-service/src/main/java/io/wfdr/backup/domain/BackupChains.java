package io.wfdr.backup.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds the restore chains of one database from its catalog, the way SQL Server will judge them at restore:
 * a differential belongs to the full whose backup set GUID is its differential base; a copy-only full is never a
 * base; log backups must be contiguous (each starts at the LSN the previous one ended) on one recovery fork; a
 * damaged backup is unusable. A chain never claims more than SQL Server would restore.
 */
public final class BackupChains {

    private BackupChains() {
    }

    /** One chain per usable full backup, newest first, plus the breaks that belong to no chain. */
    public static Result of(List<CatalogEntry> catalog) {
        List<BackupChain.ChainBreak> orphans = new ArrayList<>();
        catalog.stream().filter(CatalogEntry::damaged).forEach(e -> orphans.add(new BackupChain.ChainBreak(
                e.backupSetId(), e.type() + " backup is marked damaged in msdb; it cannot be restored")));
        List<CatalogEntry> fulls = catalog.stream().filter(CatalogEntry::isBaseForDifferentials)
                .sorted(Comparator.comparing(CatalogEntry::lastLsn).reversed()).toList();
        catalog.stream()
                .filter(e -> e.type() == BackupType.DIFFERENTIAL && !e.damaged())
                .filter(d -> fulls.stream().noneMatch(d::isDifferentialOf))
                .forEach(d -> orphans.add(new BackupChain.ChainBreak(d.backupSetId(),
                        "differential whose base full (" + d.differentialBaseGuid() + ") is not in the catalog, "
                                + "or is copy-only or damaged; import the missing history or take a new full")));
        List<CatalogEntry> logs = catalog.stream()
                .filter(e -> e.type() == BackupType.LOG && !e.copyOnly() && !e.damaged())
                .sorted(Comparator.comparing(CatalogEntry::firstLsn)).toList();
        List<BackupChain> chains = fulls.stream().map(full -> chain(full, catalog, logs)).toList();
        return new Result(chains, orphans);
    }

    public record Result(List<BackupChain> chains, List<BackupChain.ChainBreak> breaks) {
    }

    static BackupChain chain(CatalogEntry full, List<CatalogEntry> catalog, List<CatalogEntry> logs) {
        List<CatalogEntry> differentials = catalog.stream()
                .filter(e -> !e.damaged() && e.isDifferentialOf(full))
                .sorted(Comparator.comparing(CatalogEntry::lastLsn)).toList();
        CatalogEntry start = differentials.isEmpty() ? full : differentials.get(differentials.size() - 1);
        List<BackupChain.ChainBreak> breaks = new ArrayList<>();
        List<CatalogEntry> run = logRun(start.lastLsn(), logs, breaks);
        return new BackupChain(full, differentials, run, breaks);
    }

    /** The contiguous log backups from the one that holds {@code lsn}; stops at the first gap or fork change. */
    private static List<CatalogEntry> logRun(BigDecimal lsn, List<CatalogEntry> logs,
            List<BackupChain.ChainBreak> breaks) {
        List<CatalogEntry> run = new ArrayList<>();
        CatalogEntry first = logs.stream().filter(l -> l.covers(lsn)).findFirst().orElse(null);
        if (first == null) {
            logs.stream().filter(l -> l.firstLsn().compareTo(lsn) > 0).findFirst().ifPresent(l ->
                    breaks.add(new BackupChain.ChainBreak(l.backupSetId(), "log gap: no log backup holds LSN " + lsn
                            + "; the next one starts at " + l.firstLsn())));
            return run;
        }
        run.add(first);
        for (CatalogEntry log : logs) {
            CatalogEntry previous = run.get(run.size() - 1);
            if (log.firstLsn().compareTo(previous.firstLsn()) <= 0) {
                continue;
            }
            if (!log.continues(previous)) {
                String reason = log.firstLsn().compareTo(previous.lastLsn()) == 0
                        ? "recovery fork changed after " + previous.backupSetId() + " (the database was restored)"
                        : "log gap: " + previous.backupSetId() + " ends at LSN " + previous.lastLsn()
                                + " but the next log backup starts at " + log.firstLsn();
                breaks.add(new BackupChain.ChainBreak(log.backupSetId(), reason));
                break;
            }
            run.add(log);
        }
        return run;
    }
}
