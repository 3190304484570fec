package io.wfdr.restore.domain;

import java.util.List;

import io.wfdr.spine.contract.BackupType;

/**
 * How long a plan will take: bytes of full and differential restores at the target's throughput, plus a time per
 * log backup. Until restores on the target have been measured it uses the documented defaults below and says so.
 */
public final class RestoreTime {

    /** A conservative default: 100 MB/s for full and differential restores. */
    public static final double DEFAULT_BYTES_PER_SECOND = 100_000_000;
    /** A conservative default: 20 s to open, apply and roll forward one log backup. */
    public static final double DEFAULT_SECONDS_PER_LOG = 20;

    private RestoreTime() {
    }

    public static RestorePlan.Prediction predict(List<RestorePlan.Step> steps, Double measuredBytesPerSecond,
            Double measuredSecondsPerLog) {
        boolean measured = measuredBytesPerSecond != null && measuredSecondsPerLog != null;
        double rate = measured ? measuredBytesPerSecond : DEFAULT_BYTES_PER_SECOND;
        double perLog = measured ? measuredSecondsPerLog : DEFAULT_SECONDS_PER_LOG;
        long bytes = steps.stream().filter(s -> s.type() != BackupType.LOG).mapToLong(RestorePlan.Step::bytes).sum();
        int logs = (int) steps.stream().filter(s -> s.type() == BackupType.LOG).count();
        long seconds = Math.round(bytes / rate + logs * perLog);
        return new RestorePlan.Prediction(seconds, measured, bytes, logs, rate, perLog);
    }
}
