package io.wfdr.restore.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/** Builds backup histories for the tests: sets with their LSNs, times, forks and stripes, and their copies. */
public final class Histories {

    static final String FORK = "F0000000-0000-4000-8000-000000000000";
    static final Instant T0 = Instant.parse("2026-11-23T00:00:00Z");

    final List<BackupSet> sets = new ArrayList<>();
    final List<CopyLocation> copies = new ArrayList<>();

    public BackupHistory history() {
        return BackupHistory.of(sets, copies);
    }

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    public BackupSet full(String id, long first, long last, int minute) {
        return add(set(id, BackupType.FULL, false, first, last, null, FORK, FORK, minute, false, false, 1), true);
    }

    BackupSet copyOnlyFull(String id, long first, long last, int minute) {
        return add(set(id, BackupType.FULL, true, first, last, null, FORK, FORK, minute, false, false, 1), true);
    }

    BackupSet differential(String id, long first, long last, String base, int minute) {
        return add(set(id, BackupType.DIFFERENTIAL, false, first, last, base, FORK, FORK, minute, false, false, 1),
                true);
    }

    public BackupSet log(String id, long first, long last, int minute) {
        return add(set(id, BackupType.LOG, false, first, last, null, FORK, FORK, minute, false, false, 1), true);
    }

    BackupSet add(BackupSet set, boolean copied) {
        sets.add(set);
        if (copied) {
            copyAll(set);
        }
        return set;
    }

    void copyAll(BackupSet set) {
        for (int stripe = 1; stripe <= Math.max(1, set.media().familyCount()); stripe++) {
            copy(set, stripe);
        }
    }

    void copy(BackupSet set, int stripe) {
        copies.add(new CopyLocation(UUID.randomUUID().toString(), set.backupSetUuid(), stripe, "nas-dr", "dr",
                "\\\\nas-dr\\sql\\" + set.backupSetUuid() + "-" + stripe + ".bak", "00".repeat(32), 1024));
    }

    /** The same set, {@code bytes} on disk. */
    static BackupSet sized(BackupSet s, long bytes) {
        return new BackupSet(s.backupSetUuid(), s.databaseName(), s.type(), s.copyOnly(), s.position(), s.firstLsn(),
                s.lastLsn(), s.checkpointLsn(), s.databaseBackupLsn(), s.differentialBaseLsn(),
                s.differentialBaseGuid(), s.firstRecoveryForkGuid(), s.lastRecoveryForkGuid(), s.forkPointLsn(),
                s.beginsLogChain(), s.hasBulkLoggedData(), s.snapshot(), s.damaged(), s.passwordProtected(),
                s.hasBackupChecksums(), s.startedAt(), s.finishedAt(), s.utcOffsetMinutes(), bytes, bytes, s.media(),
                s.logicalFiles(), s.encryption(), s.source());
    }

    /** A set that took one minute and finished at {@code minute} after T0. */
    static BackupSet set(String id, BackupType type, boolean copyOnly, long first, long last, String base,
            String firstFork, String lastFork, int minute, boolean damaged, boolean bulkLogged, int stripes) {
        List<String> files = new ArrayList<>();
        for (int i = 1; i <= stripes; i++) {
            files.add("D:\\Backup\\" + id + "-" + i + ".bak");
        }
        return new BackupSet(id, "TFLOWF", type, copyOnly, 1, BigDecimal.valueOf(first), BigDecimal.valueOf(last),
                BigDecimal.valueOf(first), null, null, base, firstFork, lastFork, null, false, bulkLogged, false,
                damaged, false, true, at(minute).minusSeconds(60), at(minute), 0, 1024, 512,
                BackupSet.Media.disk(files), List.of(), null, null);
    }
}
