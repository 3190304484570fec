package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A production or DR site of an environment, at a geographic location. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    public String id;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SiteRole role;

    /** Where the site is, in words an operator recognises: "Lakeland, Florida, US". */
    @Column(nullable = false)
    public String location;

    @Version
    public long revision;
}
