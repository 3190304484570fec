package io.wfdr.backup.domain;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** How one database is backed up: schedules, where the files go, how long they stay, and how they are written. */
@Entity
@Table(name = "backup_policy")
public class BackupPolicy {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "full_kind", nullable = false)
    public FullScheduleKind fullKind;

    /** HH:mm in {@link #timeZone}, for DAILY and WEEKLY. */
    @Column(name = "full_time")
    public String fullTime;

    /** MONDAY ... SUNDAY, for WEEKLY. */
    @Column(name = "full_day")
    public String fullDay;

    /** A Quartz cron expression, for CRON. */
    @Column(name = "full_cron")
    public String fullCron;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "differential_minutes")
    public Integer differentialMinutes;

    @Column(name = "log_minutes")
    public Integer logMinutes;

    @Column(name = "backup_folder", nullable = false)
    public String backupFolder;

    /** Where this service sees {@link #backupFolder} (a share of it), to copy the files offsite; null: no copies. */
    @Column(name = "backup_folder_mount")
    public String backupFolderMount;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "policy_destination", joinColumns = @JoinColumn(name = "database_id"))
    @OrderColumn(name = "position")
    public List<OffsiteDestination> destinations = new ArrayList<>();

    @Column(name = "retention_days", nullable = false)
    public int retentionDays;

    @Column(nullable = false)
    public boolean compression;

    @Column(nullable = false)
    public boolean checksum;

    @Column(name = "verify_after_backup", nullable = false)
    public boolean verifyAfterBackup;

    @Column(name = "encryption_certificate")
    public String encryptionCertificate;

    @Column(name = "max_transfer_size")
    public Integer maxTransferSize;

    @Column(name = "buffer_count")
    public Integer bufferCount;

    @Column(nullable = false)
    public boolean paused;

    @Version
    public long revision;
}
