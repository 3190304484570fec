package io.wfdr.inventory.api;

import java.util.Set;

import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;

/** A server as the API and the events show it. {@code currentName} differs from {@code name} after a failover. */
public record ServerView(String id, String name, String currentName, String environmentId, String siteId,
        Set<ServerRole> roles, MachineType machineType, String hostId, Hardware hardware,
        OperatingSystem operatingSystem, SqlServerInstall sqlServer, InstalledSoftware software, ServerState state) {
}
