package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.ContractJson;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A {@link BackupSet} as stored in the backup catalog, tied to the database it protects. */
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

    /** The whole backup set as published (the contract), from which {@link #entry()} reads it back exactly. */
    @Column(name = "backup_set", length = 1_000_000)
    public String backupSet;

    public static CatalogRecord of(String databaseId, BackupSet e, String operationId) {
        CatalogRecord r = new CatalogRecord();
        r.backupSetId = e.backupSetUuid();
        r.databaseId = databaseId;
        r.databaseName = e.databaseName();
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
        r.hasChecksums = e.hasBackupChecksums();
        r.backupSize = e.backupSize();
        r.compressedSize = e.compressedBackupSize();
        r.files = String.join("\n", e.media().mirror(0));
        r.backupSet = ContractJson.write(e);
        return r;
    }

    public BackupSet entry() {
        if (backupSet != null) {
            return ContractJson.read(backupSet, BackupSet.class);
        }
        BackupSet chain = BackupSet.ofChain(backupSetId, databaseName, type, copyOnly, firstLsn, lastLsn,
                databaseBackupLsn, differentialBaseGuid, firstRecoveryForkGuid, lastRecoveryForkGuid, finishedAt,
                damaged);
        return new BackupSet(chain.backupSetUuid(), chain.databaseName(), type, copyOnly, 1, firstLsn, lastLsn,
                checkpointLsn, databaseBackupLsn, differentialBaseLsn, differentialBaseGuid, firstRecoveryForkGuid,
                lastRecoveryForkGuid, null, false, false, false, damaged, false, Boolean.TRUE.equals(hasChecksums),
                null, finishedAt, null, backupSize == null ? 0 : backupSize, compressedSize == null ? 0 : compressedSize,
                BackupSet.Media.disk(files == null || files.isEmpty() ? List.of() : List.of(files.split("\n"))),
                List.of(), null, null);
    }
}
