package io.wfdr.restore.domain;

import java.time.Instant;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.ContractJson;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A backup set as the restore service learned it (an event or a manifest), kept whole as the contract. */
@Entity
@Table(name = "known_backup_set")
public class KnownBackupSet {

    @Id
    @Column(name = "backup_set_uuid")
    public String backupSetUuid;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Column(name = "database_name", nullable = false)
    public String databaseName;

    @Column(name = "backup_type", nullable = false)
    public String type;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    /** Retention deleted its files: it stays known, and is never planned. */
    @Column(nullable = false)
    public boolean expired;

    /** OWN_BACKUP, MSDB_IMPORT, DESTINATION_REBUILD, REPUBLISH (from events), or MANIFEST (read here). */
    @Column(nullable = false)
    public String origin;

    @Column(name = "backup_set", nullable = false, length = 1_000_000)
    public String backupSet;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public BackupSet set() {
        return ContractJson.read(backupSet, BackupSet.class);
    }

    public void take(String databaseId, BackupSet set, String origin, boolean expired, Instant now) {
        this.backupSetUuid = set.backupSetUuid();
        this.databaseId = databaseId;
        this.databaseName = set.databaseName();
        this.type = set.type().name();
        this.finishedAt = set.finishedAt();
        this.origin = origin;
        this.expired = expired;
        this.backupSet = ContractJson.write(set);
        this.updatedAt = now;
    }
}
