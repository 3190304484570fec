package io.wfdr.spine.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "wfdr.events")
public interface SpineConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /wfdr/inventory-service}. */
    String source();

    Outbox outbox();

    Inbox inbox();

    interface Outbox {
        /** How often the relay looks for committed events that have not reached Kafka yet. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many outbox messages one relay pass publishes at most. */
        @WithDefault("200")
        int batchSize();

        /** How long the relay waits for Kafka to acknowledge a batch before it gives up and tries again later. */
        @WithDefault("15s")
        Duration sendTimeout();

        /** How long published messages stay in the outbox, for inspection, before they are purged. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Inbox {
        /** Attempts at a message that fails for a reason other than its content, before it is dead-lettered. */
        @WithDefault("3")
        int attempts();

        @WithDefault("500ms")
        Duration backoff();

        /** How long an applied event id is remembered; a redelivery older than this would be applied again. */
        @WithDefault("30d")
        Duration retention();
    }
}
