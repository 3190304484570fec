package io.wfdr.snapshot.domain;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A server the inventory announced as a VIRTUAL_MACHINE (physical servers are not kept). {@code currentName} is the
 * name it answers to now; it differs from {@code name} after a failover.
 */
@Entity
@Table(name = "known_vm")
public class KnownVm {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "current_name", nullable = false)
    public String currentName;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    /** The VM host it runs on; null while the inventory has not recorded it. */
    @Column(name = "host_id")
    public String hostId;

    /** CPU sockets times cores per socket; null while the hardware is not recorded. */
    public Integer cpus;

    @Column(name = "memory_gb")
    public BigDecimal memoryGb;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    /** ONLINE, OFFLINE_STANDBY, FAILED or DECOMMISSIONED. */
    @Column(nullable = false)
    public String state;
}
