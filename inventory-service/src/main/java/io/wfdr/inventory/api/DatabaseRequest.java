package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.DatabaseKind;
import io.wfdr.inventory.domain.RecoveryModel;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record DatabaseRequest(@NotBlank @Size(max = 128) String name, @NotNull DatabaseKind kind,
        @NotBlank String serverId, @NotNull RecoveryModel recoveryModel,
        @NotNull @Min(1) @Max(525_600) Integer rpoMinutes, @NotNull @Min(1) @Max(525_600) Integer rtoMinutes) {
}
