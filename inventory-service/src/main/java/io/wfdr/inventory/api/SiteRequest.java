package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.SiteRole;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record SiteRequest(@NotBlank String environmentId, @NotBlank @Size(max = 100) String name,
        @NotNull SiteRole role, @NotBlank @Size(max = 200) String location) {
}
