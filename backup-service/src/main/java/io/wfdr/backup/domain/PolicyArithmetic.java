package io.wfdr.backup.domain;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/** The numbers behind a policy: the full backup period, the worst-case data loss and restore work. */
public final class PolicyArithmetic {

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));
    private static final long DAY = 24 * 60;

    private PolicyArithmetic() {
    }

    public static PolicyTradeOff tradeOff(BackupPolicy policy, int rpoMinutes) {
        long full = fullEveryMinutes(policy);
        long differentialSpan = policy.differentialMinutes == null ? 0 : full;
        long sinceLastBase = policy.differentialMinutes == null ? full : Math.min(full, policy.differentialMinutes);
        long worstLoss = policy.logMinutes == null ? sinceLastBase : Math.min(sinceLastBase, policy.logMinutes);
        int backups = 1 + (policy.differentialMinutes == null ? 0 : 1)
                + (policy.logMinutes == null ? 0 : (int) ceilDiv(sinceLastBase, policy.logMinutes));
        return new PolicyTradeOff(full, worstLoss, backups, differentialSpan, rpoMinutes, worstLoss <= rpoMinutes);
    }

    /**
     * The bytes a restore applies at worst, from what the catalog shows: the full, a differential grown over a
     * whole full period (at the rate the newest one grew), and the log backups since the last base.
     */
    public static long worstCaseBytes(PolicyTradeOff tradeOff, long fullBytes, double differentialBytesPerMinute,
            long averageLogBytes) {
        long differential = Math.round(differentialBytesPerMinute * tradeOff.differentialSpanMinutes());
        int logs = Math.max(0, tradeOff.backupsToApplyAtWorst() - 1 - (tradeOff.differentialSpanMinutes() > 0 ? 1 : 0));
        return fullBytes + differential + logs * averageLogBytes;
    }

    /** Minutes between two full backups; for a cron, the longest gap over the next two weeks. */
    public static long fullEveryMinutes(BackupPolicy policy) {
        return switch (policy.fullKind) {
            case DAILY -> DAY;
            case WEEKLY -> 7 * DAY;
            case CRON -> longestCronGap(policy.fullCron, ZoneId.of(policy.timeZone));
        };
    }

    /** Throws IllegalArgumentException with the parser's reason if the expression is not a Quartz cron. */
    public static void checkCron(String expression) {
        QUARTZ.parse(expression).validate();
    }

    private static long longestCronGap(String expression, ZoneId zone) {
        ExecutionTime times = ExecutionTime.forCron(QUARTZ.parse(expression));
        ZonedDateTime at = ZonedDateTime.of(2026, 1, 5, 0, 0, 0, 0, zone);
        ZonedDateTime end = at.plusWeeks(2);
        long longest = 0;
        ZonedDateTime previous = times.nextExecution(at).orElseThrow();
        while (previous.isBefore(end)) {
            ZonedDateTime next = times.nextExecution(previous).orElse(null);
            if (next == null) {
                break;
            }
            longest = Math.max(longest, Duration.between(previous, next).toMinutes());
            previous = next;
        }
        return longest;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
