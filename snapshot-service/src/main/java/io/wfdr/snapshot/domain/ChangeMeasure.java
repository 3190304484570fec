package io.wfdr.snapshot.domain;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What one incremental found changed: {@code changedBytes} written to the VM's disks between {@code sinceAt} (when
 * the snapshot it was taken on was taken) and {@code measuredAt}. The snapshot engine records one per incremental;
 * the low-activity window is suggested from them ({@link ActivityProfile}).
 */
@Entity
@Table(name = "change_measure")
public class ChangeMeasure {

    @Id
    public String id;

    @Column(name = "vm_id", nullable = false)
    public String vmId;

    /** The incremental that measured it; one measure per incremental. */
    @Column(name = "snapshot_id", nullable = false)
    public String snapshotId;

    @Column(name = "since_at", nullable = false)
    public Instant sinceAt;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "changed_bytes", nullable = false)
    public long changedBytes;

    /** The interval the measure covers. */
    public Duration covers() {
        return Duration.between(sinceAt, measuredAt);
    }
}
