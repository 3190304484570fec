package io.wfdr.restore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;

/** The guide: "weekly fulls mean more differentials to apply" — as the numbers of a forecast. */
class RtoForecastTest {

    private static final long GB = 1_000_000_000L;

    /** A 50 GB full at minute 0 and a differential of 1 GB an hour later (1 GB/h of change). */
    private final BackupHistory history = history();

    @Test
    void weeklyFullsMeanMoreDifferentialChangeToApplyThanDailyFulls() {
        RtoForecast.Outlook daily = RtoForecast.atWorst(policy(1440, 60, 15), history, RestoreThroughput.unmeasured(),
                30, 15).orElseThrow();
        RtoForecast.Outlook weekly = RtoForecast.atWorst(policy(7 * 1440, 60, 15), history,
                RestoreThroughput.unmeasured(), 30, 15).orElseThrow();

        assertEquals(50 * GB + 24 * GB, daily.prediction().bytesToRestore(), "a day of change in the differential");
        assertEquals(50 * GB + 168 * GB, weekly.prediction().bytesToRestore(), "a week of change in the differential");
        assertTrue(weekly.prediction().seconds() > daily.prediction().seconds());
        assertTrue(daily.meetsRto());
        assertFalse(weekly.meetsRto(), "218 GB at 100 MB/s is more than a 30-minute RTO");
    }

    @Test
    void atWorstTheLogsSinceTheNewestDifferentialFollowIt() {
        RtoForecast.Outlook daily = RtoForecast.atWorst(policy(1440, 60, 15), history, RestoreThroughput.unmeasured(),
                240, 15).orElseThrow();

        assertEquals(4, daily.prediction().logBackups(), "an hour of 15-minute logs after the differential");
        assertEquals(6, daily.backupsToApply());
        assertEquals(15, daily.dataLossMinutes());
        assertTrue(daily.meetsRpo());
    }

    @Test
    void aPausedPolicyOrOneWithoutOffsiteCopiesNeverMeetsTheRpo() {
        KnownPolicy paused = policy(1440, 60, 15);
        paused.paused = true;
        KnownPolicy local = policy(1440, 60, 15);
        local.offsiteCopies = false;

        assertFalse(RtoForecast.atWorst(paused, history, RestoreThroughput.unmeasured(), 240, 15).orElseThrow()
                .meetsRpo());
        assertFalse(RtoForecast.atWorst(local, history, RestoreThroughput.unmeasured(), 240, 15).orElseThrow()
                .meetsRpo());
    }

    @Test
    void nowLosesTheTimeSinceTheLatestReachablePoint() {
        ChainSelection.Selected latest = ChainSelection.latest(history);
        List<RestorePlan.Step> steps = TargetMapping.steps(latest, history, "dr");

        RtoForecast.Outlook now = RtoForecast.now(steps, latest.restoresTo(), Histories.at(60 + 40),
                RestoreThroughput.unmeasured(), 240, 30);

        assertEquals(40, now.dataLossMinutes());
        assertFalse(now.meetsRpo());
        assertEquals(2, now.backupsToApply());
        assertEquals(51 * GB, now.prediction().bytesToRestore());
    }

    private static BackupHistory history() {
        Histories histories = new Histories();
        BackupSet full = Histories.sized(Histories.set("A0000000-0000-4000-8000-000000000001", BackupType.FULL, false,
                10, 20, null, Histories.FORK, Histories.FORK, 0, false, false, 1), 50 * GB);
        BackupSet differential = Histories.sized(Histories.set("A0000000-0000-4000-8000-000000000002",
                BackupType.DIFFERENTIAL, false, 30, 40, full.backupSetUuid(), Histories.FORK, Histories.FORK, 60,
                false, false, 1), GB);
        histories.add(full, true);
        histories.add(differential, true);
        return histories.history();
    }

    private static KnownPolicy policy(long fullEvery, int differentialMinutes, int logMinutes) {
        KnownPolicy policy = new KnownPolicy();
        policy.databaseId = "db";
        policy.fullKind = fullEvery > 1440 ? "WEEKLY" : "DAILY";
        policy.fullEveryMinutes = fullEvery;
        policy.differentialMinutes = differentialMinutes;
        policy.logMinutes = logMinutes;
        policy.worstCaseLossMinutes = logMinutes;
        policy.backupsToApplyAtWorst = 2 + (int) Math.ceil(differentialMinutes / (double) logMinutes);
        policy.differentialSpanMinutes = fullEvery;
        policy.offsiteCopies = true;
        return policy;
    }
}
