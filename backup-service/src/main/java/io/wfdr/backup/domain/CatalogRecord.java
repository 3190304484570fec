package io.wfdr.backup.domain;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A {@link CatalogEntry} as stored in the backup catalog, tied to the database it protects. */
@Entity
@Table(name = "catalog_entry")
public class CatalogRecord {

    @Id
    @Column(name = "backup_set_id")
    public String backupSetId;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Column(name = "database_name", nullable = false)
    public String databaseName;

    @Enumerated(EnumType.STRING)
    @Column(name = "backup_type", nullable = false)
    public BackupType type;

    @Column(name = "copy_only", nullable = false)
    public boolean copyOnly;

    @Column(name = "first_lsn", nullable = false, precision = 25)
    public BigDecimal firstLsn;

    @Column(name = "last_lsn", nullable = false, precision = 25)
    public BigDecimal lastLsn;

    @Column(name = "database_backup_lsn", precision = 25)
    public BigDecimal databaseBackupLsn;

    @Column(name = "differential_base_guid")
    public String differentialBaseGuid;

    @Column(name = "first_recovery_fork_guid")
    public String firstRecoveryForkGuid;

    @Column(name = "last_recovery_fork_guid")
    public String lastRecoveryForkGuid;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    @Column(nullable = false)
    public boolean damaged;

    @Column(name = "operation_id")
    public String operationId;

    @Column(name = "checkpoint_lsn", precision = 25)
    public BigDecimal checkpointLsn;

    @Column(name = "differential_base_lsn", precision = 25)
    public BigDecimal differentialBaseLsn;

    @Column(name = "has_checksums")
    public Boolean hasChecksums;

    @Column(name = "backup_size")
    public Long backupSize;

    @Column(name = "compressed_size")
    public Long compressedSize;

    /** The backup's files as SQL Server wrote them (one per stripe), one per line. */
    @Column(length = 4000)
    public String files;

    /** When retention deleted this backup's files; an expired backup is no longer restorable. */
    @Column(name = "expired_at")
    public Instant expiredAt;

    public static CatalogRecord of(String databaseId, CatalogEntry e, String operationId) {
        CatalogRecord r = new CatalogRecord();
        r.backupSetId = e.backupSetId().toUpperCase(java.util.Locale.ROOT);
        r.databaseId = databaseId;
        r.databaseName = e.database();
        r.type = e.type();
        r.copyOnly = e.copyOnly();
        r.firstLsn = e.firstLsn();
        r.lastLsn = e.lastLsn();
        r.databaseBackupLsn = e.databaseBackupLsn();
        r.differentialBaseGuid = e.differentialBaseGuid();
        r.firstRecoveryForkGuid = e.firstRecoveryForkGuid();
        r.lastRecoveryForkGuid = e.lastRecoveryForkGuid();
        r.finishedAt = e.finishedAt();
        r.damaged = e.damaged();
        r.operationId = operationId;
        r.checkpointLsn = e.checkpointLsn();
        r.differentialBaseLsn = e.differentialBaseLsn();
        r.hasChecksums = e.hasChecksums();
        r.backupSize = e.backupSize();
        r.compressedSize = e.compressedSize();
        r.files = String.join("\n", e.files());
        return r;
    }

    public CatalogEntry entry() {
        return new CatalogEntry(backupSetId, databaseName, type, copyOnly, firstLsn, lastLsn, databaseBackupLsn,
                differentialBaseGuid, firstRecoveryForkGuid, lastRecoveryForkGuid, finishedAt, damaged, checkpointLsn,
                differentialBaseLsn, Boolean.TRUE.equals(hasChecksums), backupSize == null ? 0 : backupSize,
                compressedSize == null ? 0 : compressedSize,
                files == null || files.isEmpty() ? java.util.List.of() : java.util.List.of(files.split("\n")));
    }
}
