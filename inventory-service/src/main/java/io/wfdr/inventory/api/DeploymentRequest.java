package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.DeploymentKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record DeploymentRequest(@NotBlank String serverId, @NotNull DeploymentKind kind,
        @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String version) {
}
