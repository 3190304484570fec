package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** How often a database's catalog has changed: a cached history or a plan made at another revision is stale. */
@Entity
@Table(name = "catalog_revision")
public class CatalogRevision {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Column(nullable = false)
    public long revision;
}
