package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** TFLOWF or the TRANSFLO database on a database server, with its recovery model and RPO / RTO targets. */
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

    @Version
    public long revision;
}
