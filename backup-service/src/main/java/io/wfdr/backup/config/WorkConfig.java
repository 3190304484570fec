package io.wfdr.backup.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How instances of the backup service share work: leases, retries of offsite copies, catching up on schedules. */
@ConfigMapping(prefix = "wfdr.backup.work")
public interface WorkConfig {

    /** How long a claim on an operation, a copy or a schedule slot lasts without a heartbeat before others take over. */
    @WithDefault("60s")
    Duration lease();

    /** Attempts at an offsite copy before it is abandoned (and its partial file removed). */
    @WithDefault("6")
    int copyAttempts();

    /** The wait before the second attempt at a failed copy; it doubles each time up to {@link #copyBackoffMax()}. */
    @WithDefault("1m")
    Duration copyBackoff();

    @WithDefault("1h")
    Duration copyBackoffMax();

    /** Schedule slots missed longer ago than this (every instance down) are reported and only the latest one runs. */
    @WithDefault("5m")
    Duration catchUpAfter();
}
