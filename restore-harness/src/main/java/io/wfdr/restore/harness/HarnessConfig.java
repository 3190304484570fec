package io.wfdr.restore.harness;

import java.nio.file.Path;

import io.smallrye.config.ConfigMapping;

/** Where the harness keeps what must outlive its process. */
@ConfigMapping(prefix = "wfdr.harness")
public interface HarnessConfig {

    /**
     * The folder of the simulated DR SQL Servers: {@code <HOST>.json} each (what the server holds, as
     * {@code SimulatedSqlServer.saveTo} writes it), the {@code reached-…} markers of the stop points passed and the
     * {@code hold} file naming the point to stop at ({@link StopPoints}).
     */
    Path stateDir();
}
