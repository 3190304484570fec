package io.wfdr.restore.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How runbooks run: the lease that keeps two instances off one runbook, their workers, callbacks, verification. */
@ConfigMapping(prefix = "wfdr.restore.runbooks")
public interface RunbookConfig {

    /** How long a claim on a runbook lasts without a heartbeat; another instance takes the runbook over after it. */
    @WithDefault("30s")
    Duration lease();

    /** How often this instance renews its claims and looks for runbooks to run (or take over). */
    @WithDefault("2s")
    Duration heartbeat();

    /** Runbooks this instance runs at the same time. */
    @WithDefault("4")
    int workers();

    /** How often a step that waits for the world (a server coming online, a service stopping) looks again. */
    @WithDefault("2s")
    Duration waitInterval();

    /**
     * URL prefixes status callbacks may go to (e.g. {@code https://tickets.example.com/hooks/}); a request naming any
     * other URL is refused. Empty: no callbacks.
     */
    Optional<List<String>> callbackAllowList();

    /** The query returning the newest Workflow activity time in the restored database (TIBCO iProcess's audit trail). */
    @WithDefault("SELECT MAX(audit_date) FROM dbo.audit_trail")
    String activityQuery();

    /** How long services may take to stop or start. */
    @WithDefault("300")
    int serviceTimeoutSeconds();
}
