package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A site as the inventory announced it: PRODUCTION or DR. */
@Entity
@Table(name = "known_site")
public class KnownSite {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String role;
}
