package io.wfdr.restore.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One copy of one stripe of a backup set at a destination, and whether a restore may use it. */
@Entity
@Table(name = "known_copy")
public class KnownCopy {

    /** VERIFIED: read back with its SHA-256 at last look; NOT_INTACT: changed, missing or unreadable; DELETED. */
    public enum State { VERIFIED, NOT_INTACT, DELETED }

    @Id
    @Column(name = "copy_id")
    public String copyId;

    @Column(name = "backup_set_uuid", nullable = false)
    public String backupSetUuid;

    @Column(name = "database_id", nullable = false)
    public String databaseId;

    @Column(nullable = false)
    public int stripe;

    @Column(name = "host_id")
    public String hostId;

    @Column(name = "site_id")
    public String siteId;

    @Column(nullable = false)
    public String path;

    @Column(name = "restore_path")
    public String restorePath;

    @Column(name = "manifest_path")
    public String manifestPath;

    public String sha256;

    @Column(nullable = false)
    public long bytes;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false)
    public State state;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public CopyLocation location() {
        return new CopyLocation(copyId, backupSetUuid, stripe, hostId, siteId, restorePath == null ? path : restorePath,
                sha256, bytes);
    }
}
