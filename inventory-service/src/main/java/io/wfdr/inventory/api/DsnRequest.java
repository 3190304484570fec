package io.wfdr.inventory.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record DsnRequest(@NotBlank @Size(max = 100) String name, @NotBlank String serverId, @NotNull Integer bitness,
        @NotBlank String targetServerId, @NotBlank @Size(max = 128) String defaultDatabase,
        @NotBlank String loginId) {
}
