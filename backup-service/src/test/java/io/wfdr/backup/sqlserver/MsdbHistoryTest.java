package io.wfdr.backup.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

/** msdb keeps local times; a backup's UTC time comes from its own time_zone, not from today's offset. */
class MsdbHistoryTest {

    @Test
    void aSummerBackupReadInWinterIsConvertedWithItsOwnOffset() {
        Integer edt = MsdbHistory.offsetMinutes(-16);
        assertEquals(-240, edt);
        assertEquals(Instant.parse("2026-07-01T06:00:00Z"), MsdbHistory.utc(LocalDateTime.of(2026, 7, 1, 2, 0), edt));
    }

    @Test
    void anUnknownTimeZoneIsReportedAsUnknown() {
        assertNull(MsdbHistory.offsetMinutes(127));
        assertNull(MsdbHistory.offsetMinutes(null));
        assertEquals(-300, MsdbHistory.offsetMinutes(-20), "-20 is EST");
    }
}
