package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackupScheduleTest {

    private static final Instant DAY_START = Instant.parse("2026-11-25T05:00:00Z"); // midnight in New York

    @Test
    void aDailyFullAtTwoWithTwoHourlyDifferentialsAndQuarterHourlyLogs() {
        List<BackupSchedule.Slot> day = BackupSchedule.due(policy(FullScheduleKind.DAILY, 120, 15),
                DAY_START.minusSeconds(1), DAY_START.plusSeconds(24 * 3600 - 1));
        List<BackupSchedule.Slot> fulls = of(day, BackupType.FULL);
        assertEquals(1, fulls.size());
        assertEquals(2, fulls.get(0).dueAt().atZone(ZoneId.of("America/New_York")).getHour());
        assertEquals(11, of(day, BackupType.DIFFERENTIAL).size(), "12 two-hourly slots, less the one the full covers");
        assertEquals(96, of(day, BackupType.LOG).size());
    }

    @Test
    void aWeeklyFullFallsOnItsDayOnly() {
        BackupPolicy policy = policy(FullScheduleKind.WEEKLY, null, null);
        List<BackupSchedule.Slot> week = BackupSchedule.due(policy, DAY_START, DAY_START.plusSeconds(7 * 86_400));
        assertEquals(1, week.size());
        assertEquals(DayOfWeek.SUNDAY, week.get(0).dueAt().atZone(ZoneId.of("America/New_York")).getDayOfWeek());
    }

    @Test
    void aCronScheduleFiresAtItsTimes() {
        BackupPolicy policy = policy(FullScheduleKind.CRON, null, null);
        policy.fullCron = "0 30 1 ? * MON-FRI";
        assertEquals(5, BackupSchedule.due(policy, DAY_START, DAY_START.plusSeconds(7 * 86_400)).size());
    }

    @Test
    void aSlotIsDueOnceAcrossConsecutiveWindows() {
        BackupPolicy policy = policy(FullScheduleKind.DAILY, null, 15);
        Instant t0 = DAY_START;
        int total = 0;
        for (int i = 0; i < 120; i++) {
            total += BackupSchedule.due(policy, t0.plusSeconds(30L * i), t0.plusSeconds(30L * (i + 1))).size();
        }
        assertEquals(4, total, "an hour of 30-second ticks sees each quarter-hour slot once");
    }

    private static List<BackupSchedule.Slot> of(List<BackupSchedule.Slot> slots, BackupType type) {
        return slots.stream().filter(s -> s.type() == type).toList();
    }

    @Test
    void aScheduleAcrossTheSpringForwardChangeHas23HourlyLogsAndItsFullAtTheShiftedTime() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BackupPolicy policy = policy(FullScheduleKind.DAILY, null, 60);
        policy.fullTime = "02:30";
        Instant midnight = java.time.LocalDate.of(2026, 3, 8).atStartOfDay(newYork).toInstant();
        Instant nextMidnight = java.time.LocalDate.of(2026, 3, 9).atStartOfDay(newYork).toInstant();

        List<BackupSchedule.Slot> day = BackupSchedule.due(policy, midnight.minusSeconds(1), nextMidnight.minusSeconds(1));

        assertEquals(23, of(day, BackupType.LOG).size(), "the day has 23 hours");
        List<BackupSchedule.Slot> fulls = of(day, BackupType.FULL);
        assertEquals(1, fulls.size(), "02:30 does not exist that day; the full runs once, an hour later");
        assertEquals(Instant.parse("2026-03-08T07:30:00Z"), fulls.get(0).dueAt());
    }

    @Test
    void aScheduleAcrossTheFallBackChangeHas25HourlyLogsAndOneFull() {
        ZoneId newYork = ZoneId.of("America/New_York");
        BackupPolicy policy = policy(FullScheduleKind.DAILY, null, 60);
        policy.fullTime = "01:30";
        Instant midnight = java.time.LocalDate.of(2026, 11, 1).atStartOfDay(newYork).toInstant();
        Instant nextMidnight = java.time.LocalDate.of(2026, 11, 2).atStartOfDay(newYork).toInstant();

        List<BackupSchedule.Slot> day = BackupSchedule.due(policy, midnight.minusSeconds(1), nextMidnight.minusSeconds(1));

        List<BackupSchedule.Slot> logs = of(day, BackupType.LOG);
        assertEquals(25, logs.size(), "the day has 25 hours, one log backup in each");
        assertEquals(25, logs.stream().map(BackupSchedule.Slot::dueAt).distinct().count());
        List<BackupSchedule.Slot> fulls = of(day, BackupType.FULL);
        assertEquals(1, fulls.size(), "01:30 happens twice that day; the full runs once, at the first");
        assertEquals(Instant.parse("2026-11-01T05:30:00Z"), fulls.get(0).dueAt());
    }

    private static BackupPolicy policy(FullScheduleKind kind, Integer differential, Integer log) {
        BackupPolicy policy = new BackupPolicy();
        policy.fullKind = kind;
        policy.fullTime = "02:00";
        policy.fullDay = "SUNDAY";
        policy.timeZone = "America/New_York";
        policy.differentialMinutes = differential;
        policy.logMinutes = log;
        return policy;
    }
}
