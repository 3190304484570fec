package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;

public record PairRequest(@NotBlank String productionServerId, @NotBlank String drServerId) {
}
