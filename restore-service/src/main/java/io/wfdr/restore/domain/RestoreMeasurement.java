package io.wfdr.restore.domain;

import java.math.BigDecimal;
import java.time.Instant;

import io.wfdr.spine.contract.BackupType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One completed RESTORE on a SQL Server, timed: what restore throughput is learned from. Never changed. */
@Entity
@Table(name = "restore_measurement")
public class RestoreMeasurement {

    /** Where the measurement came from. */
    public enum Source {
        /** A runbook's restore. */
        RESTORE,
        /** A DR drill. */
        DRILL,
        /** A restore a DBA ran and timed outside wfdr. */
        MANUAL
    }

    @Id
    public String id;

    @Column(name = "server_id", nullable = false, updatable = false)
    public String serverId;

    @Enumerated(EnumType.STRING)
    @Column(name = "backup_type", nullable = false, updatable = false)
    public BackupType type;

    @Column(nullable = false, updatable = false)
    public long bytes;

    @Column(nullable = false, updatable = false, precision = 12, scale = 3)
    public BigDecimal seconds;

    @Column(name = "finished_at", nullable = false, updatable = false)
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Source source;

    @Column(updatable = false, length = 500)
    public String note;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public Instant recordedAt;
}
