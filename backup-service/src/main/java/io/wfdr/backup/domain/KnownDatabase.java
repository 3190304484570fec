package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** TFLOWF or the TRANSFLO database, as the inventory announced it: what the backup service protects. */
@Entity
@Table(name = "known_database")
public class KnownDatabase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String kind;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    /** FULL, BULK_LOGGED or SIMPLE: log backups need one of the first two. */
    @Column(name = "recovery_model", nullable = false)
    public String recoveryModel;

    @Column(name = "rpo_minutes", nullable = false)
    public int rpoMinutes;

    @Column(name = "rto_minutes", nullable = false)
    public int rtoMinutes;

    public boolean allowsLogBackups() {
        return "FULL".equals(recoveryModel) || "BULK_LOGGED".equals(recoveryModel);
    }
}
