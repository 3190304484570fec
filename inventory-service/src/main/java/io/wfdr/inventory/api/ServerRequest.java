package io.wfdr.inventory.api;

import java.util.Set;

import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * A server to register or the new description of one. {@code state} defaults to ONLINE at a production site and
 * OFFLINE_STANDBY at a DR site; later changes of state go through the state endpoints.
 */
public record ServerRequest(
        @NotBlank String name,
        @NotBlank String siteId,
        @NotEmpty Set<@NotNull ServerRole> roles,
        @NotNull MachineType machineType,
        String hostId,
        @NotNull @Valid Hardware hardware,
        @NotNull @Valid OperatingSystem operatingSystem,
        @Valid SqlServerInstall sqlServer,
        @Valid InstalledSoftware software,
        ServerState state) {
}
