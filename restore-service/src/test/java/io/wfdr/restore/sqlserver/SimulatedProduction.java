package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The production database whose backups a test restores: it writes a coherent chain the way SQL Server does. Every
 * backup first lets some work happen (the LSN moves on); a full and a differential cover a short LSN range at that
 * point, a differential is based on the last full that is not copy-only, and logs are contiguous from the first full
 * (each begins where the previous one ended). {@link #restoredToAPointInTime()} starts a new recovery fork.
 */
public final class SimulatedProduction {

    private static final long WORK = 100;
    private static final long BACKUP = 10;

    private final String database;
    private final List<BackupFile> files;
    private final List<SimulatedUser> users = new ArrayList<>();
    private long lsn = 1_000_000;
    private Long logEnd;
    private String fork = guid();
    private String lastFullGuid;
    private BigDecimal lastFullCheckpoint;
    private Instant activity;
    private String recoveryModel = "FULL";

    public SimulatedProduction(String database) {
        this.database = database;
        this.files = List.of(
                new BackupFile(database, "E:\\SQLData\\" + database + ".mdf", "D", 512L << 20),
                new BackupFile(database + "_log", "F:\\SQLLogs\\" + database + "_log.ldf", "L", 128L << 20));
    }

    public SimulatedProduction user(SimulatedUser user) {
        users.add(user);
        return this;
    }

    public SimulatedProduction recoveryModel(String model) {
        recoveryModel = model;
        return this;
    }

    /** The newest Workflow activity the next backups contain. */
    public SimulatedProduction activityAt(Instant at) {
        activity = at;
        return this;
    }

    public List<BackupFile> files() {
        return files;
    }

    public SimulatedBackup full() {
        return full(false);
    }

    public SimulatedBackup copyOnlyFull() {
        return full(true);
    }

    public SimulatedBackup differential() {
        if (lastFullGuid == null) {
            throw new IllegalStateException("3035: no current database backup to base a differential on");
        }
        lsn += WORK;
        long first = lsn;
        lsn += BACKUP;
        return backup(BackupHeader.DIFFERENTIAL, first, lsn, lastFullCheckpoint, lastFullGuid, false);
    }

    public SimulatedBackup log() {
        if (logEnd == null) {
            throw new IllegalStateException("4214: no current database backup to begin a log chain");
        }
        lsn += WORK;
        long first = logEnd;
        logEnd = lsn;
        return backup(BackupHeader.LOG, first, lsn, lastFullCheckpoint, null, false);
    }

    /** The database was restored to an earlier point and went on from there: its log is on a new recovery path. */
    public SimulatedProduction restoredToAPointInTime() {
        fork = guid();
        return this;
    }

    private SimulatedBackup full(boolean copyOnly) {
        lsn += WORK;
        long first = lsn;
        lsn += BACKUP;
        SimulatedBackup full = backup(BackupHeader.DATABASE, first, lsn, lastFullCheckpoint, null, copyOnly);
        if (!copyOnly) {
            lastFullGuid = full.backupSetGuid();
            lastFullCheckpoint = full.firstLsn();
            if (logEnd == null) {
                logEnd = first;
            }
        }
        return full;
    }

    private SimulatedBackup backup(int type, long first, long last, BigDecimal databaseBackupLsn, String baseGuid,
            boolean copyOnly) {
        return new SimulatedBackup(type, database, guid(), BigDecimal.valueOf(first), BigDecimal.valueOf(last),
                databaseBackupLsn, baseGuid, fork, fork, true, copyOnly, recoveryModel, files, users, activity);
    }

    private static String guid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }
}
