package io.wfdr.restore.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.spine.contract.BackupType;
import org.junit.jupiter.api.Test;

class RestoreThroughputTest {

    private static final Instant NOW = Instant.parse("2026-11-30T00:00:00Z");

    @Test
    void throughputIsTheBytesOverTheSecondsOfTheRecentFullAndDifferentialRestores() {
        RestoreThroughput throughput = RestoreThroughput.of(List.of(
                measured(BackupType.FULL, 9_000_000_000L, "60", 0),
                measured(BackupType.DIFFERENTIAL, 1_000_000_000L, "40", 1)));

        assertEquals(100_000_000, throughput.bytesPerSecond(), 0.001, "10 GB in 100 s, not the mean of two rates");
        assertEquals(2, throughput.dataRestores());
        assertNull(throughput.secondsPerLog());
    }

    @Test
    void onlyTheTenMostRecentRestoresOfEachKindCount() {
        List<RestoreMeasurement> newestFirst = new ArrayList<>();
        for (int i = 0; i < RestoreThroughput.RECENT; i++) {
            newestFirst.add(measured(BackupType.FULL, 200_000_000, "1", i));
        }
        newestFirst.add(measured(BackupType.FULL, 1_000_000, "100", 99));

        assertEquals(200_000_000, RestoreThroughput.of(newestFirst).bytesPerSecond(), 0.001);
    }

    @Test
    void aLogRestoresTimeIsTheMedianOfTheRecentOnes() {
        RestoreThroughput throughput = RestoreThroughput.of(List.of(measured(BackupType.LOG, 10, "2", 0),
                measured(BackupType.LOG, 10, "3", 1), measured(BackupType.LOG, 10, "300", 2)));

        assertEquals(3, throughput.secondsPerLog(), 0.001, "one slow log does not make every log slow");
        assertEquals(3, throughput.logRestores());
    }

    @Test
    void beforeAnythingIsMeasuredThePredictionUsesTheDocumentedDefaultsAndSaysUnmeasured() {
        RestorePlan.Prediction prediction = RestoreTime.predict(1_000_000_000, 3, RestoreThroughput.unmeasured());

        assertFalse(prediction.measured());
        assertEquals(List.of("bytesPerSecond", "secondsPerLog"), prediction.unmeasured());
        assertEquals(Math.round(1_000_000_000 / RestoreTime.DEFAULT_BYTES_PER_SECOND
                + 3 * RestoreTime.DEFAULT_SECONDS_PER_LOG), prediction.seconds());
    }

    @Test
    void aPredictionIsMeasuredOnlyWhenEveryInputItNeedsWasMeasured() {
        RestoreThroughput onlyData = RestoreThroughput.of(List.of(measured(BackupType.FULL, 500_000_000, "5", 0)));

        RestorePlan.Prediction withLogs = RestoreTime.predict(1_000_000_000, 2, onlyData);
        assertFalse(withLogs.measured());
        assertEquals(List.of("secondsPerLog"), withLogs.unmeasured());
        assertEquals(Math.round(10 + 2 * RestoreTime.DEFAULT_SECONDS_PER_LOG), withLogs.seconds());

        RestorePlan.Prediction withoutLogs = RestoreTime.predict(1_000_000_000, 0, onlyData);
        assertTrue(withoutLogs.measured());
        assertEquals(10, withoutLogs.seconds());
    }

    static RestoreMeasurement measured(BackupType type, long bytes, String seconds, int hoursAgo) {
        RestoreMeasurement measurement = new RestoreMeasurement();
        measurement.id = java.util.UUID.randomUUID().toString();
        measurement.serverId = "dr";
        measurement.type = type;
        measurement.bytes = bytes;
        measurement.seconds = new BigDecimal(seconds);
        measurement.finishedAt = NOW.minusSeconds(3600L * hoursAgo);
        measurement.source = RestoreMeasurement.Source.DRILL;
        measurement.recordedAt = NOW;
        return measurement;
    }
}
