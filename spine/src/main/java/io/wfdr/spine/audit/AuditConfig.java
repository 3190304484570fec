package io.wfdr.spine.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long the audit trail keeps its records. */
@ConfigMapping(prefix = "wfdr.audit")
public interface AuditConfig {

    /** Records older than this are purged (daily); the default keeps more than a year, for yearly DR reviews. */
    @WithDefault("400d")
    Duration retention();
}
