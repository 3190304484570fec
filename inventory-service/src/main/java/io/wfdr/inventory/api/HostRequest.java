package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.domain.Hypervisor;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record HostRequest(@NotBlank @Size(max = 100) String name, @NotNull HostKind kind, Hypervisor hypervisor,
        @Size(max = 300) String connectionRef, @NotBlank String siteId) {
}
