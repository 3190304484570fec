package io.wfdr.inventory.api;

import java.math.BigDecimal;

import io.wfdr.inventory.domain.FileSystem;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A server's hardware (for a VM: its partition). */
public record Hardware(
        @NotNull @Min(1) @Max(64) Integer cpuSockets,
        @NotNull @Min(1) @Max(256) Integer coresPerSocket,
        @NotNull @DecimalMin("0.1") @Digits(integer = 4, fraction = 2, message = STORED + "9999.99") BigDecimal clockGhz,
        @NotNull @DecimalMin("0.1") @Digits(integer = 8, fraction = 2, message = STORED + "99999999.99")
        BigDecimal memoryGb,
        @NotNull @DecimalMin("1") @Digits(integer = 10, fraction = 2, message = STORED + "9999999999.99")
        BigDecimal diskGb,
        @NotNull FileSystem fileSystem) {

    /** Stored exactly, never rounded: a value that would be (2.499 as 2.50) is refused. */
    static final String STORED = "must have at most 2 decimal places and be at most ";
}
