package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A machine as the inventory announced it: offsite destinations name the machine they live on. */
@Entity
@Table(name = "known_host")
public class KnownHost {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "site_id", nullable = false)
    public String siteId;
}
