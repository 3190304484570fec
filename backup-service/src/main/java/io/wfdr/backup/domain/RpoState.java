package io.wfdr.backup.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The last published RPO status of a database. */
@Entity
@Table(name = "rpo_state")
public class RpoState {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Column(nullable = false)
    public boolean breached;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
