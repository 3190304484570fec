package io.wfdr.restore.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A database's backup policy as the backup service announced it: its intervals and the trade-off numbers. */
@Entity
@Table(name = "known_policy")
public class KnownPolicy {

    @Id
    @Column(name = "database_id")
    public String databaseId;

    @Column(name = "full_kind", nullable = false)
    public String fullKind;

    @Column(name = "differential_minutes")
    public Integer differentialMinutes;

    @Column(name = "log_minutes")
    public Integer logMinutes;

    @Column(name = "full_every_minutes", nullable = false)
    public long fullEveryMinutes;

    /** The longest time between two backups of any kind: what a failure just before the next one loses. */
    @Column(name = "worst_case_loss_minutes", nullable = false)
    public long worstCaseLossMinutes;

    /** The full, the newest differential and the logs since, just before the next full. */
    @Column(name = "backups_to_apply_at_worst", nullable = false)
    public int backupsToApplyAtWorst;

    /** The change the newest differential holds at worst (0 without differentials). */
    @Column(name = "differential_span_minutes", nullable = false)
    public long differentialSpanMinutes;

    @Column(nullable = false)
    public boolean paused;

    @Column(name = "offsite_copies", nullable = false)
    public boolean offsiteCopies;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
