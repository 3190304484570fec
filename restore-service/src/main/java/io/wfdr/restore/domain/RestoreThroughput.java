package io.wfdr.restore.domain;

import java.math.BigDecimal;
import java.util.List;

import io.wfdr.spine.contract.BackupType;

/**
 * How fast restores run on one SQL Server, learned from its most recent completed restores: bytes per second of full
 * and differential restores (their bytes over their seconds, so a large restore weighs more than a small one), and
 * the median time of a log restore. A part never measured is null.
 */
public record RestoreThroughput(Double bytesPerSecond, Double secondsPerLog, int dataRestores, int logRestores) {

    /** How many of the newest measurements of each kind count: a server's speed changes with its hardware. */
    public static final int RECENT = 10;

    public static RestoreThroughput unmeasured() {
        return new RestoreThroughput(null, null, 0, 0);
    }

    /** From a server's measurements, newest first. */
    public static RestoreThroughput of(List<RestoreMeasurement> newestFirst) {
        List<RestoreMeasurement> data = newestFirst.stream().filter(m -> m.type != BackupType.LOG && m.bytes > 0)
                .limit(RECENT).toList();
        List<RestoreMeasurement> logs = newestFirst.stream().filter(m -> m.type == BackupType.LOG).limit(RECENT)
                .toList();
        Double rate = null;
        if (!data.isEmpty()) {
            long bytes = data.stream().mapToLong(m -> m.bytes).sum();
            double seconds = data.stream().map(m -> m.seconds).reduce(BigDecimal.ZERO, BigDecimal::add).doubleValue();
            rate = bytes / Math.max(seconds, 0.001);
        }
        return new RestoreThroughput(rate, logs.isEmpty() ? null : median(logs), data.size(), logs.size());
    }

    private static double median(List<RestoreMeasurement> logs) {
        double[] seconds = logs.stream().mapToDouble(m -> m.seconds.doubleValue()).sorted().toArray();
        int middle = seconds.length / 2;
        return seconds.length % 2 == 1 ? seconds[middle] : (seconds[middle - 1] + seconds[middle]) / 2;
    }
}
