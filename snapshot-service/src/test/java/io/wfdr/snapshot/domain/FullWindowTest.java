package io.wfdr.snapshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class FullWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void aWindowWithinTheDayOpensAndClosesThatDay() {
        FullWindow window = new FullWindow(LocalTime.of(1, 0), LocalTime.of(4, 0), NEW_YORK);
        assertFalse(window.crossesMidnight());
        assertEquals(180, window.minutes());
        // 2026-11-25 12:00 UTC is 07:00 in New York: the next window opens tomorrow at 01:00 EST (06:00 UTC)
        FullWindow.Opening next = window.next(Instant.parse("2026-11-25T12:00:00Z"));
        assertEquals(Instant.parse("2026-11-26T06:00:00Z"), next.opens());
        assertEquals(Instant.parse("2026-11-26T09:00:00Z"), next.closes());
        assertTrue(window.contains(Instant.parse("2026-11-26T06:00:00Z")));
        assertFalse(window.contains(Instant.parse("2026-11-26T09:00:00Z")));
    }

    @Test
    void aWindowAcrossMidnightIsOpenOnBothSidesOfIt() {
        FullWindow window = new FullWindow(LocalTime.of(22, 0), LocalTime.of(2, 0), NEW_YORK);
        assertTrue(window.crossesMidnight());
        assertEquals(240, window.minutes());
        // 00:30 EST on 2026-11-26 = 05:30 UTC: inside the window that opened 22:00 EST on the 25th
        FullWindow.Opening open = window.next(Instant.parse("2026-11-26T05:30:00Z"));
        assertEquals(Instant.parse("2026-11-26T03:00:00Z"), open.opens());
        assertEquals(Instant.parse("2026-11-26T07:00:00Z"), open.closes());
        assertTrue(window.contains(Instant.parse("2026-11-26T05:30:00Z")));
    }

    @Test
    void onTheNightTheClocksGoBackTheWindowIsAnHourLonger() {
        FullWindow window = new FullWindow(LocalTime.of(0, 30), LocalTime.of(2, 30), NEW_YORK);
        FullWindow.Opening opening = window.next(Instant.parse("2026-11-01T00:00:00Z"));
        assertEquals(3 * 3600, opening.closes().getEpochSecond() - opening.opens().getEpochSecond());
    }

    @Test
    void aWindowOfNoLengthIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new FullWindow(LocalTime.of(1, 0), LocalTime.of(1, 0), NEW_YORK));
    }
}
