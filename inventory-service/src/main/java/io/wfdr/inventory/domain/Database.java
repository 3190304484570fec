package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * TFLOWF or the TRANSFLO database on a database server, with its recovery model and RPO / RTO targets. {@code active}
 * says whether it is the database the environment's Workflow uses now: after a disaster the restored copy on the DR
 * server ({@code TFLOWF_DR}) takes over, and names the database it replaced in {@code takesOverFrom}.
 */
@Entity
@Table(name = "sql_database")
public class Database {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DatabaseKind kind;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "recovery_model", nullable = false)
    public RecoveryModel recoveryModel;

    @Column(name = "rpo_minutes", nullable = false)
    public int rpoMinutes;

    @Column(name = "rto_minutes", nullable = false)
    public int rtoMinutes;

    /** The database the environment's Workflow uses now; a registered database is, until another takes over. */
    @Column(nullable = false)
    public boolean active = true;

    /** The id of the database this one replaced (which may since have been removed); null when it replaced none. */
    @Column(name = "takes_over_from")
    public String takesOverFrom;

    @Version
    public long revision;

    /**
     * Becomes the database Workflow uses instead of {@code replaced}: the same kind, recovery model and targets, so
     * that it is protected as the one it replaces was. The replaced one is no longer used.
     */
    public void takeOverFrom(Database replaced) {
        kind = replaced.kind;
        environmentId = replaced.environmentId;
        recoveryModel = replaced.recoveryModel;
        rpoMinutes = replaced.rpoMinutes;
        rtoMinutes = replaced.rtoMinutes;
        active = true;
        takesOverFrom = replaced.id;
        replaced.active = false;
    }
}
