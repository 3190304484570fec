package io.wfdr.snapshot.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The RPO state last published for a VM: breached or met, and since when. */
@Entity
@Table(name = "snapshot_rpo_state")
public class SnapshotRpoState {

    @Id
    @Column(name = "vm_id")
    public String vmId;

    @Column(nullable = false)
    public boolean breached;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
