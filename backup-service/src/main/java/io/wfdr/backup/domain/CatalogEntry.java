package io.wfdr.backup.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One backup as msdb.dbo.backupset knows it (and backupmediafamily: its files). LSNs are numeric(25,0) and stay
 * {@link BigDecimal}, compared with {@code compareTo}; GUIDs are compared case-insensitively.
 */
public record CatalogEntry(String backupSetId, String database, BackupType type, boolean copyOnly,
        BigDecimal firstLsn, BigDecimal lastLsn, BigDecimal databaseBackupLsn, String differentialBaseGuid,
        String firstRecoveryForkGuid, String lastRecoveryForkGuid, Instant finishedAt, boolean damaged,
        BigDecimal checkpointLsn, BigDecimal differentialBaseLsn, boolean hasChecksums, long backupSize,
        long compressedSize, List<String> files) {

    /** A backup known only by its chain fields (sizes, checkpoint and files unknown). */
    public CatalogEntry(String backupSetId, String database, BackupType type, boolean copyOnly, BigDecimal firstLsn,
            BigDecimal lastLsn, BigDecimal databaseBackupLsn, String differentialBaseGuid, String firstRecoveryForkGuid,
            String lastRecoveryForkGuid, Instant finishedAt, boolean damaged) {
        this(backupSetId, database, type, copyOnly, firstLsn, lastLsn, databaseBackupLsn, differentialBaseGuid,
                firstRecoveryForkGuid, lastRecoveryForkGuid, finishedAt, damaged, null, null, false, 0, 0, List.of());
    }

    public CatalogEntry {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** What a file of this backup takes on disk: the compressed size when SQL Server compressed it. */
    public long sizeOnDisk() {
        return compressedSize > 0 ? compressedSize : backupSize;
    }

    public boolean isBaseForDifferentials() {
        return type == BackupType.FULL && !copyOnly && !damaged;
    }

    boolean sameGuid(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }

    /** Whether this differential was taken on {@code full}: its base GUID is the full's backup set GUID. */
    public boolean isDifferentialOf(CatalogEntry full) {
        return type == BackupType.DIFFERENTIAL && sameGuid(differentialBaseGuid, full.backupSetId());
    }

    /** Whether this log backup continues {@code previous}: it starts where the previous one ended, on its fork. */
    public boolean continues(CatalogEntry previous) {
        return firstLsn.compareTo(previous.lastLsn()) == 0
                && sameGuid(firstRecoveryForkGuid, previous.lastRecoveryForkGuid());
    }

    /** Whether this log backup holds the LSN a restore has reached, so it can be applied next. */
    public boolean covers(BigDecimal lsn) {
        return firstLsn.compareTo(lsn) <= 0 && lastLsn.compareTo(lsn) > 0;
    }
}
