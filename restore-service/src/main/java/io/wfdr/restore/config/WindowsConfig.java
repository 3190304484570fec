package io.wfdr.restore.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the restore service reaches the Windows servers it drives (OpenSSH, PowerShell). */
@ConfigMapping(prefix = "wfdr.restore.windows")
public interface WindowsConfig {

    /** TCP connect and SSH key exchange; a DR server that does not answer in this time is reported unreachable. */
    @WithDefault("15s")
    Duration connectTimeout();

    /** Password authentication; Windows OpenSSH may take seconds to log a domain account on. */
    @WithDefault("30s")
    Duration authTimeout();

    /**
     * Bytes kept of each of a script's stdout and stderr; the runbook's scripts print one small JSON reply, so more
     * than this is a runaway script whose rest is dropped rather than held in memory.
     */
    @WithDefault("1048576")
    int outputLimit();
}
