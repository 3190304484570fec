package io.wfdr.inventory.api;

import java.util.List;
import java.util.Set;

import io.wfdr.inventory.domain.DatabaseKind;
import io.wfdr.inventory.domain.DeploymentKind;
import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.domain.Hypervisor;
import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.RecoveryModel;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.domain.SiteRole;
import io.wfdr.inventory.domain.WorkflowUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole environment as a pipeline sends it: every part refers to the others by name (site, host, server,
 * login), since none of them has an id yet.
 */
public record EnvironmentDocument(
        @NotBlank @Size(max = 100) String name,
        @Size(max = 500) String description,
        @NotEmpty List<@NotNull @Valid SiteEntry> sites,
        List<@NotNull @Valid HostEntry> hosts,
        List<@NotNull @Valid ServerEntry> servers,
        List<@NotNull @Valid PairEntry> pairs,
        List<@NotNull @Valid DatabaseEntry> databases,
        List<@NotNull @Valid LoginEntry> logins,
        List<@NotNull @Valid DsnEntry> dsns,
        List<@NotNull @Valid DeploymentEntry> deployments) {

    public record SiteEntry(@NotBlank @Size(max = 100) String name, @NotNull SiteRole role,
            @NotBlank @Size(max = 200) String location) {
    }

    public record HostEntry(@NotBlank @Size(max = 100) String name, @NotNull HostKind kind, Hypervisor hypervisor,
            @Size(max = 300) String connectionRef, @NotBlank String site) {
    }

    public record ServerEntry(@NotBlank String name, @NotBlank String site, @NotEmpty Set<@NotNull ServerRole> roles,
            @NotNull MachineType machineType, String host, @NotNull @Valid Hardware hardware,
            @NotNull @Valid OperatingSystem operatingSystem, @Valid SqlServerInstall sqlServer,
            @Valid InstalledSoftware software, ServerState state,
            @Schema(description = WindowsServiceNames.DESCRIPTION)
            @Size(max = WindowsServiceNames.MAX_COUNT) List<@NotBlank @Size(max = WindowsServiceNames.MAX_LENGTH)
                    @Pattern(regexp = WindowsServiceNames.ALLOWED, message = WindowsServiceNames.RULE) String>
                    windowsServices,
            @Valid RemoteShell remoteShell,
            @Schema(description = ServerRequest.WORKFLOW_URL) @Size(max = WorkflowUrl.MAX_LENGTH) String workflowUrl) {

        public ServerEntry {
            windowsServices = WindowsServiceNames.asSent(windowsServices);
        }
    }

    public record PairEntry(@NotBlank String production, @NotBlank String dr) {
    }

    /**
     * A database; {@code active} (true when left out) and {@code takesOverFrom} describe an environment after a
     * disaster, where the restored copy on the DR server is the database Workflow uses.
     */
    public record DatabaseEntry(@NotBlank @Size(max = 128) String name, @NotNull DatabaseKind kind,
            @NotBlank String server, @NotNull RecoveryModel recoveryModel,
            @NotNull @Min(1) @Max(525_600) Integer rpoMinutes, @NotNull @Min(1) @Max(525_600) Integer rtoMinutes,
            @Schema(description = DatabaseView.ACTIVE + " Left out: true.") Boolean active,
            @Schema(description = "The database of this document this one replaced, by its server and name; left out "
                    + "when it replaced none. That database is not active.") @Valid DatabaseReference takesOverFrom) {

        public boolean isActive() {
            return active == null || active;
        }
    }

    /** A database of the document by its server's name and its own: names are unique per server only. */
    public record DatabaseReference(@NotBlank String server, @NotBlank @Size(max = 128) String name) {
    }

    public record LoginEntry(@NotBlank @Size(max = 128) String name, @NotBlank String server,
            @Pattern(regexp = "0x[0-9A-Fa-f]{32}", message = "must be the 16-byte SID of a SQL login as 0x followed by 32 hex digits") String sid,
            String secretRef) {
    }

    public record DsnEntry(@NotBlank @Size(max = 100) String name, @NotBlank String server, @NotNull Integer bitness,
            @NotBlank String targetServer, @NotBlank @Size(max = 128) String defaultDatabase,
            @NotBlank String login) {
    }

    public record DeploymentEntry(@NotBlank String server, @NotNull DeploymentKind kind,
            @NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 50) String version) {
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
