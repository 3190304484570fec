package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A production server and the DR server that stands in for it: where a database is restored by default. */
@Entity
@Table(name = "known_pair")
public class KnownPair {

    @Id
    public String id;

    @Column(name = "production_server_id", nullable = false)
    public String productionServerId;

    @Column(name = "dr_server_id", nullable = false)
    public String drServerId;

    /** NORMAL or FAILED_OVER. */
    @Column(nullable = false)
    public String status;
}
