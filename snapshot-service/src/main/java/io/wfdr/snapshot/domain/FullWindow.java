package io.wfdr.snapshot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * The daily window in which a VM's full snapshot is taken: from {@code start} to {@code end}, local times in {@code
 * zone}. An end before the start crosses midnight (22:00–02:00 ends the next day). On the days the clocks change the
 * window keeps its local times, so it is an hour longer or shorter then; a local time the clocks skip is read as the
 * moment after the gap.
 */
public record FullWindow(LocalTime start, LocalTime end, ZoneId zone) {

    private static final int MINUTES_PER_DAY = 24 * 60;

    public FullWindow {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(zone, "zone");
        if (start.equals(end)) {
            throw new IllegalArgumentException("a full window needs a start and an end that differ");
        }
    }

    public boolean crossesMidnight() {
        return end.isBefore(start);
    }

    /** Its length on a day without a clock change. */
    public int minutes() {
        int from = start.toSecondOfDay() / 60;
        int to = end.toSecondOfDay() / 60;
        return to > from ? to - from : MINUTES_PER_DAY - from + to;
    }

    /** Whether the window is open at this instant. */
    public boolean contains(Instant at) {
        return !next(at).opens().isAfter(at);
    }

    /** The window open at {@code at}, or else the next one to open. */
    public Opening next(Instant at) {
        LocalDate today = at.atZone(zone).toLocalDate();
        for (LocalDate day = today.minusDays(1); ; day = day.plusDays(1)) {
            Instant opens = ZonedDateTime.of(day, start, zone).toInstant();
            Instant closes = ZonedDateTime.of(crossesMidnight() ? day.plusDays(1) : day, end, zone).toInstant();
            if (closes.isAfter(at)) {
                return new Opening(opens, closes);
            }
        }
    }

    /** One day's window, as instants. */
    public record Opening(Instant opens, Instant closes) {
    }
}
