package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One backup run, on demand or scheduled: what was asked, what ran (with its exact T-SQL), and how it went. */
@Entity
@Table(name = "backup_operation")
public class BackupOperation {

    @Id
    public String id;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_type", nullable = false)
    public BackupType requestedType;

    /** Differs from the requested type when a differential had no usable base and ran as a full. */
    @Enumerated(EnumType.STRING)
    @Column(name = "run_type", nullable = false)
    public BackupType runType;

    @Column(name = "copy_only", nullable = false)
    public boolean copyOnly;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OperationStatus status;

    @Column(nullable = false)
    public int percent;

    public String message;

    @Column(nullable = false, length = 1_000_000)
    public String script;

    /** The backup file's name in the backup folder. */
    @Column(name = "file_name")
    public String fileName;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** The backup file as SQL Server opens it: how msdb's record of this backup is found. */
    @Column(name = "device_path")
    public String devicePath;

    /** The instance running it, and when it last said it still does (other instances respect the lease). */
    public String owner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    /** The backup set it made, once msdb recorded it. */
    @Column(name = "backup_set_id")
    public String backupSetId;

    /** PASSED, FAILED or NOT_RUN: how RESTORE VERIFYONLY judged the backup set. */
    @Column(name = "verify_status")
    public String verifyStatus;

    @Version
    public long revision;
}
