package io.wfdr.spine.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "wfdr.events")
public interface SpineConfig {

    /** The CloudEvents {@code source} of every event this service publishes, e.g. {@code /wfdr/inventory-service}. */
    String source();

    Outbox outbox();

    Inbox inbox();

    Commands commands();

    interface Outbox {
        /** How often the relay looks for committed events that have not reached Kafka yet. */
        @WithDefault("1s")
        Duration pollInterval();

        /** How many outbox messages one relay pass publishes at most. */
        @WithDefault("200")
        int batchSize();

        /** How long a message Kafka refused for good stays parked before it is tried again. */
        @WithDefault("5m")
        Duration parkedRetry();

        /** How long published messages stay in the outbox, for inspection, before they are purged. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Commands {
        /**
         * The services (by name, e.g. {@code restore-service}) whose commands this service accepts: the broker's
         * ACLs let only them write its command topic, and a command whose CloudEvents source names another is
         * refused. None: every command is refused.
         */
        Optional<List<String>> senders();
    }

    interface Inbox {
        /**
         * Attempts at a message that fails for a reason that is neither its content nor transient (a defect), before
         * it is dead-lettered. Transient failures (the database down or busy) are retried until they pass.
         */
        @WithDefault("3")
        int attempts();

        /** The pause after the first failed attempt; it doubles with each attempt up to {@link #maxBackoff()}. */
        @WithDefault("500ms")
        Duration backoff();

        /** The longest pause between attempts at a message that fails for a transient reason (database down). */
        @WithDefault("30s")
        Duration maxBackoff();

        /** How long an applied event id is remembered; a redelivery older than this would be applied again. */
        @WithDefault("30d")
        Duration retention();
    }
}
