package io.wfdr.spine.testapp;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record DrillRequest(@NotBlank @Size(max = 50) String name, @NotNull Drill.Kind kind) {
}
