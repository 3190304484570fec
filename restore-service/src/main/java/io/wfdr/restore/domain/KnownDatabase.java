package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** TFLOWF or the TRANSFLO database, as the inventory announced it. */
@Entity
@Table(name = "known_database")
public class KnownDatabase {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(name = "recovery_model", nullable = false)
    public String recoveryModel;

    @Column(name = "rpo_minutes", nullable = false)
    public int rpoMinutes;

    @Column(name = "rto_minutes", nullable = false)
    public int rtoMinutes;

    /** Whether the environment's Workflow uses this database now (after a recovery, the restored one). */
    @Column(nullable = false)
    public boolean active = true;

    /** The database this one took over from (production's, after a recovery), or null. */
    @Column(name = "takes_over_from")
    public String takesOverFrom;
}
