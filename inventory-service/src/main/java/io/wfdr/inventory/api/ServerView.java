package io.wfdr.inventory.api;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;

/**
 * A server as the API and the events show it. {@code currentName} differs from {@code name} after a failover. What
 * is not known of it (no SQL Server on a Web Server, hardware not yet recorded) is left out, not written as null.
 * So is {@code remoteShell} when wfdr cannot reach the server; {@code windowsServices} is empty when there are none,
 * and {@code workflowUrl} is null but on a Workflow Web Server that has one.
 */
public record ServerView(String id, String name, String currentName, String environmentId, String siteId,
        Set<ServerRole> roles, MachineType machineType, String hostId,
        @JsonInclude(JsonInclude.Include.NON_NULL) Hardware hardware,
        @JsonInclude(JsonInclude.Include.NON_NULL) OperatingSystem operatingSystem,
        @JsonInclude(JsonInclude.Include.NON_NULL) SqlServerInstall sqlServer,
        @JsonInclude(JsonInclude.Include.NON_NULL) InstalledSoftware software, ServerState state,
        List<String> windowsServices, @JsonInclude(JsonInclude.Include.NON_NULL) RemoteShell remoteShell,
        String workflowUrl) {
}
