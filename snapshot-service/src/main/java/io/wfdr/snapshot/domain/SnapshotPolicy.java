package io.wfdr.snapshot.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How one VM is protected by snapshots: a full daily inside {@link #fullWindow()}, an incremental every {@link
 * #incrementalEveryMinutes} minutes, each replicated to {@link #drHostId} when {@link #replicate}, and retention by
 * whole chains. A chain is a full and the incrementals taken on it; retention keeps the newest {@link
 * #fullChainsToKeepAtSource} chains on the VM's host and {@link #fullChainsToKeepAtDr} on the DR VM host, and only
 * ever drops a chain whole ({@link ChainRetention}). A paused policy takes and replicates nothing until resumed.
 */
@Entity
@Table(name = "snapshot_policy")
public class SnapshotPolicy {

    /**
     * At least 5 minutes between incrementals: an incremental must be exported and replicated before the next is due.
     */
    public static final int MIN_INCREMENTAL_MINUTES = 5;

    /** At most 12 hours: shorter than a day, so at least one incremental falls between two daily fulls. */
    public static final int MAX_INCREMENTAL_MINUTES = 720;

    /** At least one whole chain at each end: the newest, which incrementals are being added to. */
    public static final int MIN_CHAINS = 1;

    /** At most 90 daily chains, about three months. */
    public static final int MAX_CHAINS = 90;

    @Id
    @Column(name = "vm_id")
    public String vmId;

    @Convert(converter = HourMinute.class)
    @Column(name = "full_window_start", nullable = false)
    public LocalTime fullWindowStart;

    @Convert(converter = HourMinute.class)
    @Column(name = "full_window_end", nullable = false)
    public LocalTime fullWindowEnd;

    /** The time zone id the window's local times are in, e.g. America/New_York. */
    @Column(nullable = false)
    public String zone;

    @Column(name = "incremental_every_minutes", nullable = false)
    public int incrementalEveryMinutes;

    @Column(nullable = false)
    public boolean replicate;

    /** The DR VM host the snapshots are replicated to; null only when the policy does not replicate. */
    @Column(name = "dr_host_id")
    public String drHostId;

    /** Whether the policy named {@link #drHostId}; false: it was the VM's DR VM host when the policy was saved. */
    @Column(name = "dr_host_named", nullable = false)
    public boolean drHostNamed;

    @Column(name = "full_chains_to_keep_at_source", nullable = false)
    public int fullChainsToKeepAtSource;

    @Column(name = "full_chains_to_keep_at_dr", nullable = false)
    public int fullChainsToKeepAtDr;

    @Column(nullable = false)
    public boolean paused;

    /** When the policy was last saved, paused or resumed. */
    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    @Version
    public long revision;

    public FullWindow fullWindow() {
        return new FullWindow(fullWindowStart, fullWindowEnd, ZoneId.of(zone));
    }

    public Duration incrementalEvery() {
        return Duration.ofMinutes(incrementalEveryMinutes);
    }
}
