package io.wfdr.restore.api;

import java.math.BigDecimal;
import java.time.Instant;

import io.wfdr.restore.domain.RestoreMeasurement;
import io.wfdr.spine.contract.BackupType;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/**
 * A completed restore on the server, timed: the backup's type, its size on disk (what RESTORE read), how long the
 * RESTORE took, when it finished, and whether it was a drill or a restore a DBA ran by hand (runbooks record their own).
 */
public record MeasurementRequest(@NotNull BackupType backupType,
        @NotNull @PositiveOrZero Long bytes,
        @NotNull @DecimalMin(value = "0.001") @DecimalMax("10000000") @Digits(integer = 9, fraction = 3)
        BigDecimal seconds,
        @NotNull Instant finishedAt,
        @NotNull RestoreMeasurement.Source source,
        @Size(max = 500) String note) {
}
