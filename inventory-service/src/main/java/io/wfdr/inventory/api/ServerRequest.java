package io.wfdr.inventory.api;

import java.util.List;
import java.util.Set;

import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.domain.WorkflowUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A server to register or the new description of one. {@code state} defaults to ONLINE at a production site and
 * OFFLINE_STANDBY at a DR site; later changes of state go through the state endpoints. {@code windowsServices},
 * {@code remoteShell} and {@code workflowUrl} are what a runbook needs to drive the server: a PUT keeps them as
 * sent, so leaving one out clears it.
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
        ServerState state,
        @Schema(description = WindowsServiceNames.DESCRIPTION)
        @Size(max = WindowsServiceNames.MAX_COUNT) List<@NotBlank @Size(max = WindowsServiceNames.MAX_LENGTH)
                @Pattern(regexp = WindowsServiceNames.ALLOWED, message = WindowsServiceNames.RULE) String>
                windowsServices,
        @Valid RemoteShell remoteShell,
        @Schema(description = WORKFLOW_URL) @Size(max = WorkflowUrl.MAX_LENGTH) String workflowUrl) {

    static final String WORKFLOW_URL = "A Workflow Web Server's absolute http or https URL, the address a runbook "
            + "asks to see it answer; refused on a server of another role";

    public ServerRequest {
        windowsServices = WindowsServiceNames.asSent(windowsServices);
    }
}
