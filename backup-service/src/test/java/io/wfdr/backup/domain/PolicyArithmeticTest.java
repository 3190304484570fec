package io.wfdr.backup.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The guide's daily-versus-weekly trade-off, as numbers. */
class PolicyArithmeticTest {

    @Test
    void dailyFullTwoHourlyDifferentialsAndQuarterHourlyLogs() {
        PolicyTradeOff t = PolicyArithmetic.tradeOff(policy(FullScheduleKind.DAILY, 120, 15), 15);
        assertEquals(1440, t.fullEveryMinutes());
        assertEquals(15, t.worstCaseDataLossMinutes());
        assertEquals(1 + 1 + 8, t.backupsToApplyAtWorst(), "full, newest differential, 8 logs since it");
        assertEquals(1440, t.differentialSpanMinutes());
        assertTrue(t.meetsRpo());
    }

    @Test
    void weeklyFullsMakeTheNewestDifferentialHoldAWeekOfChanges() {
        PolicyTradeOff daily = PolicyArithmetic.tradeOff(policy(FullScheduleKind.DAILY, 240, null), 240);
        PolicyTradeOff weekly = PolicyArithmetic.tradeOff(policy(FullScheduleKind.WEEKLY, 240, null), 240);
        assertEquals(daily.worstCaseDataLossMinutes(), weekly.worstCaseDataLossMinutes());
        assertEquals(2, weekly.backupsToApplyAtWorst());
        assertEquals(7 * daily.differentialSpanMinutes(), weekly.differentialSpanMinutes(),
                "the longer restore the guide warns of: a week of changes in the differential to apply");
    }

    @Test
    void weeklyFullsMeanMoreBytesToRestoreAtWorst() {
        long full = 10L << 30;
        double differentialBytesPerMinute = 1_000_000;
        long daily = PolicyArithmetic.worstCaseBytes(
                PolicyArithmetic.tradeOff(policy(FullScheduleKind.DAILY, 240, 15), 15), full, differentialBytesPerMinute,
                50_000_000);
        long weekly = PolicyArithmetic.worstCaseBytes(
                PolicyArithmetic.tradeOff(policy(FullScheduleKind.WEEKLY, 240, 15), 15), full, differentialBytesPerMinute,
                50_000_000);
        assertEquals(full + 1_440_000_000L + 16 * 50_000_000L, daily);
        assertEquals(6 * 1_440_000_000L, weekly - daily, "six more days of change in the differential");
    }

    @Test
    void onlyFullBackupsLoseUpToAWholePeriod() {
        PolicyTradeOff t = PolicyArithmetic.tradeOff(policy(FullScheduleKind.WEEKLY, null, null), 60);
        assertEquals(10_080, t.worstCaseDataLossMinutes());
        assertEquals(1, t.backupsToApplyAtWorst());
        assertFalse(t.meetsRpo());
    }

    @Test
    void aCronScheduleIsMeasuredByItsLongestGap() {
        BackupPolicy policy = policy(FullScheduleKind.CRON, null, null);
        policy.fullCron = "0 0 2 ? * SUN,WED";
        assertEquals(4 * 1440, PolicyArithmetic.fullEveryMinutes(policy), "Wednesday to Sunday");
    }

    @Test
    void aCronThatIsNotQuartzIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PolicyArithmetic.checkCron("every day at two"));
    }

    private static BackupPolicy policy(FullScheduleKind kind, Integer differential, Integer log) {
        BackupPolicy policy = new BackupPolicy();
        policy.fullKind = kind;
        policy.fullTime = "02:00";
        policy.fullDay = "SUNDAY";
        policy.timeZone = "UTC";
        policy.differentialMinutes = differential;
        policy.logMinutes = log;
        return policy;
    }
}
