package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A TRANSFLO Workflow environment, e.g. "Workflow production", with its production and DR sites. */
@Entity
@Table(name = "environment")
public class Environment {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Version
    public long revision;
}
