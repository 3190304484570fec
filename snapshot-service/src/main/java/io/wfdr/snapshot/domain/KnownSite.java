package io.wfdr.snapshot.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A site as the inventory announced it: where a VM and its VM host are, and whether it is the DR site. */
@Entity
@Table(name = "known_site")
public class KnownSite {

    public static final String DR = "DR";

    @Id
    public String id;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(nullable = false)
    public String name;

    /** PRODUCTION or DR. */
    @Column(nullable = false)
    public String role;

    public boolean isDr() {
        return DR.equals(role);
    }
}
