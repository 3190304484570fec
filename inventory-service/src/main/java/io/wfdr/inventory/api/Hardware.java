package io.wfdr.inventory.api;

import java.math.BigDecimal;

import io.wfdr.inventory.domain.FileSystem;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A server's hardware (for a VM: its partition). */
public record Hardware(
        @NotNull @Min(1) @Max(64) Integer cpuSockets,
        @NotNull @Min(1) @Max(256) Integer coresPerSocket,
        @NotNull @DecimalMin("0.1") BigDecimal clockGhz,
        @NotNull @DecimalMin("0.1") BigDecimal memoryGb,
        @NotNull @DecimalMin("1") BigDecimal diskGb,
        @NotNull FileSystem fileSystem) {
}
