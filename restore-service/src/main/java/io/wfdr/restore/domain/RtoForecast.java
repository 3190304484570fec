package io.wfdr.restore.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/**
 * How long a restore of a database takes and how much work it loses, now and at the policy's worst moment (just
 * before the next full, when the differential holds the most change and the most logs follow it) — the guide's
 * "weekly fulls mean more differentials to apply" as numbers, next to the database's RTO and RPO targets.
 */
public final class RtoForecast {

    private RtoForecast() {
    }

    /** One moment: where a restore would bring the database, what it would lose and how long it would take. */
    public record Outlook(String moment, Instant restoresTo, Long dataLossMinutes, int backupsToApply,
            RestorePlan.Prediction prediction, boolean meetsRto, boolean meetsRpo) {
    }

    /** The restore to the latest reachable point, if the production database were lost at {@code now}. */
    public static Outlook now(List<RestorePlan.Step> steps, Instant restoresTo, Instant now,
            RestoreThroughput throughput, int rtoMinutes, int rpoMinutes) {
        RestorePlan.Prediction prediction = RestoreTime.predict(steps, throughput);
        long lost = Math.max(0, Duration.between(restoresTo, now).toMinutes());
        return new Outlook("now", restoresTo, lost, steps.size(), prediction,
                prediction.seconds() <= rtoMinutes * 60L, lost <= rpoMinutes);
    }

    /**
     * Just before the next full: the newest full's size, a differential grown over the policy's differential span at
     * the rate the newest differential grew, and the logs since it. Empty when no full is cataloged to size it.
     */
    public static Optional<Outlook> atWorst(KnownPolicy policy, BackupHistory history, RestoreThroughput throughput,
            int rtoMinutes, int rpoMinutes) {
        Optional<BackupSet> full = newestFull(history);
        if (full.isEmpty()) {
            return Optional.empty();
        }
        boolean differentials = policy.differentialMinutes != null;
        long differentialBytes = differentials
                ? Math.round(differentialBytesPerMinute(history, full.get()) * policy.differentialSpanMinutes) : 0;
        int logs = Math.max(0, policy.backupsToApplyAtWorst - 1 - (differentials ? 1 : 0));
        RestorePlan.Prediction prediction = RestoreTime.predict(full.get().sizeOnDisk() + differentialBytes, logs,
                throughput);
        boolean protectedOffsite = policy.offsiteCopies && !policy.paused;
        return Optional.of(new Outlook("just before the next full backup", null, policy.worstCaseLossMinutes,
                1 + (differentials ? 1 : 0) + logs, prediction, prediction.seconds() <= rtoMinutes * 60L,
                protectedOffsite && policy.worstCaseLossMinutes <= rpoMinutes));
    }

    /** How fast differentials grow: the newest one on the newest full, its size over the minutes since the full. */
    static double differentialBytesPerMinute(BackupHistory history, BackupSet full) {
        return history.differentialsOf(full).stream().max(Comparator.comparing(BackupSet::finishedAt))
                .map(d -> d.sizeOnDisk() / (double) Math.max(1,
                        Duration.between(full.finishedAt(), d.finishedAt()).toMinutes()))
                .orElse(0.0);
    }

    private static Optional<BackupSet> newestFull(BackupHistory history) {
        List<BackupSet> sets = history.sets();
        for (int i = sets.size() - 1; i >= 0; i--) {
            BackupSet set = sets.get(i);
            if (set.type() == BackupType.FULL && !set.copyOnly() && !set.damaged()) {
                return Optional.of(set);
            }
        }
        return Optional.empty();
    }
}
