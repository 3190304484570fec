package io.wfdr.restore.api;

import io.wfdr.restore.domain.RestoreThroughput;
import io.wfdr.restore.domain.RestoreTime;

/**
 * A server's restore throughput as plans use it: learned from its recent restores, or the documented defaults (and
 * {@code measured} false) for a part never measured.
 */
public record ThroughputView(String serverId, String serverName, double bytesPerSecond, double secondsPerLog,
        boolean measured, int dataRestoresMeasured, int logRestoresMeasured) {

    public static ThroughputView of(String serverId, String serverName, RestoreThroughput throughput) {
        return new ThroughputView(serverId, serverName, throughput.bytesPerSecond() == null
                ? RestoreTime.DEFAULT_BYTES_PER_SECOND : throughput.bytesPerSecond(),
                throughput.secondsPerLog() == null ? RestoreTime.DEFAULT_SECONDS_PER_LOG
                        : throughput.secondsPerLog(),
                throughput.bytesPerSecond() != null && throughput.secondsPerLog() != null,
                throughput.dataRestores(), throughput.logRestores());
    }
}
