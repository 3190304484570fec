package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A VM host (with its hypervisor and how to reach it) or a physical machine, at a site. */
@Entity
@Table(name = "host")
public class Host {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HostKind kind;

    @Enumerated(EnumType.STRING)
    public Hypervisor hypervisor;

    /** How adapters reach the host, e.g. {@code vsphere://vcenter01/esx-dr-01}; never a credential. */
    @Column(name = "connection_ref")
    public String connectionRef;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Version
    public long revision;
}
