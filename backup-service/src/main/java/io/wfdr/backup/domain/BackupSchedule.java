package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

/**
 * When a policy's backups are due: fulls daily or weekly at a time in the policy's zone (or by cron);
 * differentials and log backups every N minutes from local midnight. A differential due at the same moment as a
 * full is left out: the full covers it.
 */
public final class BackupSchedule {

    public record Slot(BackupType type, Instant dueAt) {
    }

    private static final CronParser QUARTZ = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private BackupSchedule() {
    }

    /** The slots due after {@code from} up to and including {@code to}, oldest first. */
    public static List<Slot> due(BackupPolicy policy, Instant from, Instant to) {
        ZoneId zone = ZoneId.of(policy.timeZone);
        List<Slot> slots = new ArrayList<>();
        Set<Instant> fulls = new HashSet<>(fulls(policy, zone, from, to));
        fulls.forEach(at -> slots.add(new Slot(BackupType.FULL, at)));
        if (policy.differentialMinutes != null) {
            every(policy.differentialMinutes, zone, from, to).stream().filter(at -> !fulls.contains(at))
                    .forEach(at -> slots.add(new Slot(BackupType.DIFFERENTIAL, at)));
        }
        if (policy.logMinutes != null) {
            every(policy.logMinutes, zone, from, to).forEach(at -> slots.add(new Slot(BackupType.LOG, at)));
        }
        slots.sort(Comparator.comparing(Slot::dueAt).thenComparing(Slot::type));
        return slots;
    }

    private static List<Instant> fulls(BackupPolicy policy, ZoneId zone, Instant from, Instant to) {
        List<Instant> fulls = new ArrayList<>();
        if (policy.fullKind == FullScheduleKind.CRON) {
            ExecutionTime times = ExecutionTime.forCron(QUARTZ.parse(policy.fullCron));
            ZonedDateTime at = from.atZone(zone);
            while (true) {
                ZonedDateTime next = times.nextExecution(at).orElse(null);
                if (next == null || next.toInstant().isAfter(to)) {
                    return fulls;
                }
                fulls.add(next.toInstant());
                at = next;
            }
        }
        LocalTime time = LocalTime.parse(policy.fullTime);
        ZonedDateTime day = from.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        while (!day.toInstant().isAfter(to)) {
            ZonedDateTime at = day.with(time);
            boolean onDay = policy.fullKind == FullScheduleKind.DAILY
                    || at.getDayOfWeek() == DayOfWeek.valueOf(policy.fullDay);
            if (onDay && at.toInstant().isAfter(from) && !at.toInstant().isAfter(to)) {
                fulls.add(at.toInstant());
            }
            day = day.plusDays(1);
        }
        return fulls;
    }

    private static List<Instant> every(int minutes, ZoneId zone, Instant from, Instant to) {
        List<Instant> slots = new ArrayList<>();
        ZonedDateTime midnight = from.atZone(zone).truncatedTo(ChronoUnit.DAYS);
        for (ZonedDateTime day = midnight; !day.toInstant().isAfter(to); day = day.plusDays(1)) {
            ZonedDateTime next = day.plusDays(1);
            for (ZonedDateTime at = day; at.isBefore(next); at = at.plusMinutes(minutes)) {
                if (at.toInstant().isAfter(from) && !at.toInstant().isAfter(to)) {
                    slots.add(at.toInstant());
                }
            }
        }
        return slots;
    }

}
