package io.wfdr.snapshot.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A snapshot in the catalog: taken on the VM's host (its file in that host's datastore), and — once shipped,
 * re-hashed at the DR end and found equal — replicated and verified at the DR VM host. A snapshot is good when it
 * was taken and verified there.
 */
@Entity
@Table(name = "vm_snapshot")
public class VmSnapshot {

    @Id
    @Column(name = "snapshot_id")
    public String snapshotId;

    @Column(name = "vm_id", nullable = false)
    public String vmId;

    @Column(name = "host_id", nullable = false)
    public String hostId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SnapshotKind kind;

    @Column(name = "parent_id")
    public String parentId;

    /** The full this snapshot's chain starts with (its own id for a full). */
    @Column(name = "chain_id", nullable = false)
    public String chainId;

    @Column(name = "file_name", nullable = false)
    public String fileName;

    @Column(nullable = false)
    public long bytes;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "virtual_size", nullable = false)
    public long virtualSize;

    @Column(name = "changed_bytes", nullable = false)
    public long changedBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Consistency consistency;

    @Column(name = "full_because")
    public String fullBecause;

    @Column(name = "taken_at", nullable = false)
    public Instant takenAt;

    @Column(name = "dr_host_id")
    public String drHostId;

    @Column(name = "shipped_bytes")
    public Long shippedBytes;

    @Column(name = "replicated_at")
    public Instant replicatedAt;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "replica_problem")
    public String replicaProblem;

    /** When retention deleted its file and manifest from the VM's host; the row stays, as history. */
    @Column(name = "expired_at_source")
    public Instant expiredAtSource;

    /** When retention deleted its replica and manifest at the DR VM host; from then on it is not good. */
    @Column(name = "expired_at_dr")
    public Instant expiredAtDr;

    /** Replicated to the DR VM host, verified there, and its replica still kept there. */
    public boolean good() {
        return verifiedAt != null && replicaProblem == null && expiredAtDr == null;
    }
}
