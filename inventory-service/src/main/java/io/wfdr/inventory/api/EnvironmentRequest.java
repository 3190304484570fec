package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record EnvironmentRequest(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description) {
}
