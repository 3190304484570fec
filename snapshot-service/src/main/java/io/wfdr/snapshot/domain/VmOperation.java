package io.wfdr.snapshot.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One snapshot, revert or rebuild as asked and as it went: the VM (or, for a rebuild, the lost host), the snapshot
 * it made or used, the commands it runs as an operator could paste them, progress and the outcome in words.
 */
@Entity
@Table(name = "vm_operation")
public class VmOperation {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OperationKind kind;

    @Column(name = "vm_id")
    public String vmId;

    /** The VM's host for a snapshot or revert; the lost host for a rebuild. */
    @Column(name = "host_id")
    public String hostId;

    @Column(name = "snapshot_id")
    public String snapshotId;

    @Enumerated(EnumType.STRING)
    @Column(name = "requested_kind")
    public SnapshotKind requestedKind;

    @Column(nullable = false)
    public boolean replicate;

    /** The DR VM host snapshots are replicated to, or a rebuild builds on. */
    @Column(name = "dr_host_id")
    public String drHostId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OperationStatus status;

    @Column(nullable = false)
    public int percent;

    public String message;

    @Column(nullable = false, length = 1_000_000)
    public String script;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Version
    public long revision;
}
