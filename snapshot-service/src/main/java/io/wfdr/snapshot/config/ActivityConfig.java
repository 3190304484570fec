package io.wfdr.snapshot.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the low-activity window is suggested from the change measures of the incrementals. */
@ConfigMapping(prefix = "wfdr.snapshot.activity")
public interface ActivityConfig {

    /** How many days back a suggestion looks when the request does not say. */
    @WithDefault("7")
    int days();

    /** How long a suggested window is when the request does not say. */
    @WithDefault("2")
    int windowHours();

    /**
     * How long change measures are kept; older ones are purged every {@code wfdr.snapshot.activity.purge-interval}
     * (default 6h; {@code off} never). A suggestion can look back at most this far.
     */
    @WithDefault("35d")
    Duration retention();
}
