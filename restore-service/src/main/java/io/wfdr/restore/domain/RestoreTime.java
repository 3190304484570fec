package io.wfdr.restore.domain;

import java.util.ArrayList;
import java.util.List;

import io.wfdr.spine.contract.BackupType;

/**
 * How long a restore will take: bytes of full and differential restores at the target's measured throughput, plus a
 * time per log backup. A part the target has never been measured for uses the documented default below, and the
 * prediction names it as unmeasured.
 */
public final class RestoreTime {

    /** A conservative default: 100 MB/s for full and differential restores. */
    public static final double DEFAULT_BYTES_PER_SECOND = 100_000_000;
    /** A conservative default: 20 s to open, apply and roll forward one log backup. */
    public static final double DEFAULT_SECONDS_PER_LOG = 20;

    private RestoreTime() {
    }

    public static RestorePlan.Prediction predict(List<RestorePlan.Step> steps, RestoreThroughput throughput) {
        long bytes = steps.stream().filter(s -> s.type() != BackupType.LOG).mapToLong(RestorePlan.Step::bytes).sum();
        int logs = (int) steps.stream().filter(s -> s.type() == BackupType.LOG).count();
        return predict(bytes, logs, throughput);
    }

    /** The prediction for restoring {@code bytes} of full and differential backups and then {@code logs} logs. */
    public static RestorePlan.Prediction predict(long bytes, int logs, RestoreThroughput throughput) {
        double rate = throughput.bytesPerSecond() == null ? DEFAULT_BYTES_PER_SECOND : throughput.bytesPerSecond();
        double perLog = throughput.secondsPerLog() == null ? DEFAULT_SECONDS_PER_LOG : throughput.secondsPerLog();
        List<String> unmeasured = new ArrayList<>();
        if (throughput.bytesPerSecond() == null && bytes > 0) {
            unmeasured.add("bytesPerSecond");
        }
        if (throughput.secondsPerLog() == null && logs > 0) {
            unmeasured.add("secondsPerLog");
        }
        long seconds = Math.round(bytes / rate + logs * perLog);
        return new RestorePlan.Prediction(seconds, unmeasured.isEmpty(), bytes, logs, rate, perLog,
                throughput.dataRestores(), throughput.logRestores(), List.copyOf(unmeasured));
    }
}
