package io.wfdr.backup.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
