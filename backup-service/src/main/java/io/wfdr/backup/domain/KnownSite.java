package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A site as the inventory announced it: where a database and its offsite copies are. */
@Entity
@Table(name = "known_site")
public class KnownSite {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** PRODUCTION or DR. */
    @Column(nullable = false)
    public String role;
}
