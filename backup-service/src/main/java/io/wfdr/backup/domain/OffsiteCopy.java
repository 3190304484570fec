package io.wfdr.backup.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One backup file at one offsite destination: verified (with its SHA-256) or failed (with the reason). */
@Entity
@Table(name = "offsite_copy")
public class OffsiteCopy {

    @Id
    public String id;

    @Column(name = "backup_set_id")
    public String backupSetId;

    @Column(name = "operation_id", nullable = false)
    public String operationId;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Column(name = "host_id", nullable = false)
    public String hostId;

    @Column(nullable = false)
    public String path;

    @Column(nullable = false)
    public long bytes;

    public String sha256;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    public String error;

    @Column(name = "copied_at", nullable = false)
    public Instant copiedAt;

    @Enumerated(EnumType.STRING)
    public CopyState state;

    /** The media family (stripe) of the backup this file holds, from 1. */
    public Integer stripe;

    /** The backup file where this service reads it (the backup folder's mount). */
    @Column(name = "source_path")
    public String sourcePath;

    /** The destination folder this service writes to. */
    @Column(name = "destination_path")
    public String destinationPath;

    /** The copied file as a SQL Server at the destination's site opens it. */
    @Column(name = "restore_path")
    public String restorePath;

    @Column(name = "site_id")
    public String siteId;

    public Integer attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "manifest_path")
    public String manifestPath;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    /** Whether the verification read the destination's storage past the page cache; null when not known. */
    @Column(name = "read_back_direct")
    public Boolean readBackDirect;

    @Version
    public Long revision;

    /** Copies found by a catalog rebuild have no operation of this service. */
    public static final String REBUILT = "rebuild";

    /** The operation that made the copy, or null for one found by a rebuild (as events carry it). */
    public String operationId() {
        return REBUILT.equals(operationId) ? null : operationId;
    }
}
