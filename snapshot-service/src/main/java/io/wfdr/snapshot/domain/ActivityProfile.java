package io.wfdr.snapshot.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * How much a VM writes at each hour of the day, from the change measures of its incrementals over a period: each
 * measure's bytes are spread evenly over the interval it covers, and every part falls into the hour of the day (in
 * the zone given) it was written in; a part outside the period is left out. An hour of the day that no measure
 * covered at all is unmeasured: it is quiet only in appearance (the VM was paused, or nothing was measured then).
 *
 * <p>The low-activity window is the run of consecutive hours (across midnight too) that wrote the least bytes
 * ({@link #quietest(int)}); only runs of measured hours qualify.
 */
public final class ActivityProfile {

    public static final int HOURS_PER_DAY = 24;

    private final ZoneId zone;
    private final double[] bytes = new double[HOURS_PER_DAY];
    private final long[] coveredMillis = new long[HOURS_PER_DAY];
    private int measures;

    private ActivityProfile(ZoneId zone) {
        this.zone = zone;
    }

    /** The profile of the measures' parts that lie in {@code [from, to)}. */
    public static ActivityProfile of(Collection<ChangeMeasure> measures, ZoneId zone, Instant from, Instant to) {
        ActivityProfile profile = new ActivityProfile(zone);
        measures.forEach(m -> profile.add(m.sinceAt, m.measuredAt, m.changedBytes, from, to));
        return profile;
    }

    private void add(Instant since, Instant measured, long changed, Instant from, Instant to) {
        if (measured.isBefore(since)) {
            return;
        }
        if (measured.equals(since)) {
            if (!measured.isBefore(from) && measured.isBefore(to)) {
                bytes[hourOf(measured)] += changed;
                measures++;
            }
            return;
        }
        Instant start = since.isBefore(from) ? from : since;
        Instant end = measured.isAfter(to) ? to : measured;
        if (!start.isBefore(end)) {
            return;
        }
        measures++;
        double total = Duration.between(since, measured).toMillis();
        for (Instant cursor = start; cursor.isBefore(end); ) {
            ZonedDateTime local = cursor.atZone(zone);
            Instant nextHour = local.truncatedTo(ChronoUnit.HOURS).plusHours(1).toInstant();
            if (!nextHour.isAfter(cursor)) {
                nextHour = cursor.plus(Duration.ofHours(1));
            }
            Instant partEnd = nextHour.isBefore(end) ? nextHour : end;
            long part = Duration.between(cursor, partEnd).toMillis();
            bytes[local.getHour()] += total == 0 ? 0 : changed * (part / total);
            coveredMillis[local.getHour()] += part;
            cursor = partEnd;
        }
    }

    private int hourOf(Instant at) {
        return at.atZone(zone).getHour();
    }

    public ZoneId zone() {
        return zone;
    }

    /** How many measures contributed. */
    public int measures() {
        return measures;
    }

    /** The bytes written in each hour of the day, 0 (00:00–01:00) to 23, rounded to whole bytes. */
    public List<Long> bytesPerHour() {
        List<Long> rounded = new ArrayList<>(HOURS_PER_DAY);
        for (double b : bytes) {
            rounded.add(Math.round(b));
        }
        return rounded;
    }

    /** The hours of the day no measure covered. */
    public List<Integer> unmeasuredHours() {
        List<Integer> hours = new ArrayList<>();
        for (int hour = 0; hour < HOURS_PER_DAY; hour++) {
            if (coveredMillis[hour] == 0) {
                hours.add(hour);
            }
        }
        return hours;
    }

    /**
     * The {@code hours} consecutive hours of the day, possibly across midnight, that wrote the least bytes; of runs
     * that wrote as little, the one starting earliest in the day. Runs with an unmeasured hour do not qualify; none
     * when every run has one.
     */
    public Optional<Window> quietest(int hours) {
        if (hours < 1 || hours >= HOURS_PER_DAY) {
            throw new IllegalArgumentException("a window of " + hours + " hours; it must be 1 to 23");
        }
        Window best = null;
        double least = Double.MAX_VALUE;
        for (int start = 0; start < HOURS_PER_DAY; start++) {
            double sum = 0;
            boolean measured = true;
            for (int i = 0; i < hours; i++) {
                int hour = (start + i) % HOURS_PER_DAY;
                measured &= coveredMillis[hour] > 0;
                sum += bytes[hour];
            }
            if (measured && sum < least) {
                least = sum;
                best = new Window(start, hours, Math.round(sum));
            }
        }
        return Optional.ofNullable(best);
    }

    /** A run of {@code hours} hours of the day from {@code startHour}, and the bytes written in it. */
    public record Window(int startHour, int hours, long bytes) {

        public LocalTime start() {
            return LocalTime.of(startHour, 0);
        }

        public LocalTime end() {
            return LocalTime.of((startHour + hours) % HOURS_PER_DAY, 0);
        }
    }
}
