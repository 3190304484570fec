package io.wfdr.snapshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The rule the low-activity window is suggested by, on change measures made up here. */
class ActivityProfileTest {

    private static final ZoneId UTC = ZoneOffset.UTC;
    private static final Instant DAY = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant FROM = DAY;
    private static final Instant TO = DAY.plusSeconds(7 * 86_400);

    @Test
    void theSuggestedWindowIsTheConsecutiveHoursWithTheLeastChangedBytes() {
        long[] perHour = new long[24];
        java.util.Arrays.fill(perHour, 500);
        perHour[2] = 40;
        perHour[3] = 30;
        perHour[4] = 90;
        perHour[14] = 10;   // the quietest single hour, but its neighbours are busy
        perHour[20] = 900;  // the busiest
        ActivityProfile profile = ActivityProfile.of(hourly(perHour, 7), UTC, FROM, TO);

        ActivityProfile.Window window = profile.quietest(2).orElseThrow();
        assertEquals(LocalTime.of(2, 0), window.start());
        assertEquals(LocalTime.of(4, 0), window.end());
        assertEquals(7 * (40 + 30), window.bytes());
        assertEquals(LocalTime.of(14, 0), profile.quietest(1).orElseThrow().start());
        assertEquals(7 * 500L, profile.bytesPerHour().get(0));
        assertEquals(7 * 900L, profile.bytesPerHour().get(20));
        assertEquals(7 * 24, profile.measures());
    }

    @Test
    void ofRunsThatWroteAsLittleTheEarliestInTheDayIsSuggested() {
        long[] perHour = new long[24];
        java.util.Arrays.fill(perHour, 100);
        perHour[5] = 1;
        perHour[17] = 1;
        ActivityProfile profile = ActivityProfile.of(hourly(perHour, 2), UTC, FROM, TO);
        assertEquals(LocalTime.of(5, 0), profile.quietest(1).orElseThrow().start());
    }

    @Test
    void theWindowMayCrossMidnight() {
        long[] perHour = new long[24];
        java.util.Arrays.fill(perHour, 100);
        perHour[23] = 1;
        perHour[0] = 1;
        perHour[1] = 1;
        ActivityProfile.Window window = ActivityProfile.of(hourly(perHour, 3), UTC, FROM, TO).quietest(3)
                .orElseThrow();
        assertEquals(LocalTime.of(23, 0), window.start());
        assertEquals(LocalTime.of(2, 0), window.end());
    }

    @Test
    void anIncrementalsBytesAreSpreadEvenlyOverTheIntervalItCovers() {
        // 90 minutes from 01:30 to 03:00: a third in hour 1, two thirds in hour 2
        ActivityProfile profile = ActivityProfile.of(List.of(measure("2026-11-20T01:30:00Z", "2026-11-20T03:00:00Z",
                900)), UTC, FROM, TO);
        assertEquals(300L, profile.bytesPerHour().get(1));
        assertEquals(600L, profile.bytesPerHour().get(2));
        assertEquals(0L, profile.bytesPerHour().get(3));
    }

    @Test
    void thePartOfAMeasureBeforeThePeriodIsLeftOut() {
        // two hours, only the second inside the period
        ActivityProfile profile = ActivityProfile.of(List.of(measure("2026-11-19T23:00:00Z", "2026-11-20T01:00:00Z",
                1000)), UTC, FROM, TO);
        assertEquals(500L, profile.bytesPerHour().get(0));
        assertEquals(0L, profile.bytesPerHour().get(23));
        assertEquals(1, profile.measures());
    }

    @Test
    void hoursAreThoseOfTheZoneAsked() {
        // 07:00-08:00 UTC is 02:00-03:00 in New York in November (EST, UTC-5)
        ActivityProfile profile = ActivityProfile.of(List.of(measure("2026-11-20T07:00:00Z", "2026-11-20T08:00:00Z",
                64)), ZoneId.of("America/New_York"), FROM, TO);
        assertEquals(64L, profile.bytesPerHour().get(2));
        assertEquals(0L, profile.bytesPerHour().get(7));
    }

    @Test
    void hoursNoMeasureCoveredAreNeverSuggested() {
        // measured only from 08:00 to 20:00, quietest at 10:00-12:00; 00:00-08:00 looks quiet but is unmeasured
        long[] perHour = new long[24];
        List<ChangeMeasure> measures = new ArrayList<>();
        for (int hour = 8; hour < 20; hour++) {
            perHour[hour] = hour == 10 || hour == 11 ? 5 : 50;
            Instant since = DAY.plusSeconds(hour * 3600L);
            measures.add(measure(since.toString(), since.plusSeconds(3600).toString(), perHour[hour]));
        }
        ActivityProfile profile = ActivityProfile.of(measures, UTC, FROM, TO);
        assertEquals(LocalTime.of(10, 0), profile.quietest(2).orElseThrow().start());
        assertEquals(12, profile.unmeasuredHours().size());
        assertTrue(profile.quietest(13).isEmpty(), "no 13 measured hours in a row");
    }

    @Test
    void withoutMeasuresNothingIsSuggested() {
        ActivityProfile profile = ActivityProfile.of(List.of(), UTC, FROM, TO);
        assertTrue(profile.quietest(2).isEmpty());
        assertEquals(0, profile.measures());
        assertEquals(24, profile.unmeasuredHours().size());
        assertThrows(IllegalArgumentException.class, () -> profile.quietest(24));
    }

    /** One incremental an hour for {@code days} days from {@link #DAY}, writing perHour[h] bytes in hour h. */
    private static List<ChangeMeasure> hourly(long[] perHour, int days) {
        List<ChangeMeasure> measures = new ArrayList<>();
        for (int h = 0; h < days * 24; h++) {
            Instant since = DAY.plusSeconds(h * 3600L);
            measures.add(measure(since.toString(), since.plusSeconds(3600).toString(), perHour[h % 24]));
        }
        return measures;
    }

    private static ChangeMeasure measure(String since, String at, long bytes) {
        ChangeMeasure measure = new ChangeMeasure();
        measure.id = UUID.randomUUID().toString();
        measure.vmId = "vm";
        measure.snapshotId = UUID.randomUUID().toString();
        measure.sinceAt = Instant.parse(since);
        measure.measuredAt = Instant.parse(at);
        measure.changedBytes = bytes;
        return measure;
    }
}
