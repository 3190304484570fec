package io.wfdr.inventory.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A Workflow-related server at a site: a VM on a host or a physical machine, with its hardware, operating
 * system, SQL Server (database servers) and installed TRANSFLO / Workflow versions.
 * {@code name} is the computer name it was registered with; {@code currentName} is the name it answers to now,
 * which differs after a failover, when a DR server takes the failed production server's name.
 */
@Entity
@Table(name = "server")
public class Server {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "current_name")
    public String currentName;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Convert(converter = ServerRolesConverter.class)
    @Column(nullable = false)
    public Set<ServerRole> roles = EnumSet.noneOf(ServerRole.class);

    @Enumerated(EnumType.STRING)
    @Column(name = "machine_type", nullable = false)
    public MachineType machineType;

    @Column(name = "host_id")
    public String hostId;

    @Column(name = "cpu_sockets")
    public Integer cpuSockets;

    @Column(name = "cores_per_socket")
    public Integer coresPerSocket;

    @Column(name = "clock_ghz")
    public BigDecimal clockGhz;

    @Column(name = "memory_gb")
    public BigDecimal memoryGb;

    @Column(name = "disk_gb")
    public BigDecimal diskGb;

    @Enumerated(EnumType.STRING)
    @Column(name = "file_system")
    public FileSystem fileSystem;

    @Column(name = "os_name")
    public String osName;

    @Column(name = "os_service_pack")
    public String osServicePack;

    @Column(name = "sql_server_version")
    public String sqlServerVersion;

    @Column(name = "sql_server_service_pack")
    public String sqlServerServicePack;

    @Column(name = "transflo_version")
    public String transfloVersion;

    @Column(name = "workflow_version")
    public String workflowVersion;

    /** The browser as recorded, e.g. "Internet Explorer 11 (32-bit)". */
    @Column
    public String browser;

    /** The Windows updates recorded as installed, KB numbers in upper case, comma-separated. */
    @Column(name = "installed_updates")
    public String installedUpdates;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ServerState state;

    /** The Windows services wfdr stops and starts here (their names, in the order given), e.g. iProcess's. */
    @Convert(converter = WindowsServicesConverter.class)
    @Column(name = "windows_services", nullable = false)
    public java.util.List<String> windowsServices = java.util.List.of();

    /** How wfdr reaches this server's OpenSSH; null when it cannot drive the server. */
    @Embedded
    public RemoteShellAccess remoteShell;

    /** The http(s) URL a Workflow Web Server answers on. */
    @Column(name = "workflow_url")
    public String workflowUrl;

    @Version
    public long revision;

    /** The KB numbers recorded as installed. */
    public java.util.List<String> updates() {
        return installedUpdates == null || installedUpdates.isEmpty() ? java.util.List.of()
                : java.util.List.of(installedUpdates.split(","));
    }

    public boolean hasRole(ServerRole role) {
        return roles.contains(role);
    }

    public boolean isDatabaseServer() {
        return hasRole(ServerRole.DATABASE_SERVER);
    }

    public boolean isWorkflowWebServer() {
        return hasRole(ServerRole.WORKFLOW_WEB_SERVER);
    }

    public boolean isWorkflowServer() {
        return hasRole(ServerRole.WORKFLOW_IPROCESS_ENGINE);
    }

    /** Total processor cores: the guide's "2 x ... with Dual Core" is two processors of two cores each. */
    public Integer totalCores() {
        return cpuSockets == null || coresPerSocket == null ? null : cpuSockets * coresPerSocket;
    }

    public String nameNow() {
        return currentName == null ? name : currentName;
    }

    public void bringOnline() {
        requireState("bring online", ServerState.OFFLINE_STANDBY);
        state = ServerState.ONLINE;
    }

    public void bringOffline() {
        requireState("bring offline", ServerState.ONLINE);
        state = ServerState.OFFLINE_STANDBY;
    }

    public void markFailed() {
        if (state == ServerState.FAILED || state == ServerState.DECOMMISSIONED) {
            throw new TransitionRefused("Server " + name + " is " + state + "; it cannot be marked failed");
        }
        state = ServerState.FAILED;
    }

    public void markRepaired() {
        requireState("mark repaired", ServerState.FAILED);
        state = ServerState.ONLINE;
    }

    /** The DR side of a failover: online, and answering to the failed production server's name. */
    public void standInFor(Server production) {
        if (state == ServerState.FAILED || state == ServerState.DECOMMISSIONED) {
            throw new TransitionRefused("DR server " + name + " is " + state + "; it cannot take over");
        }
        state = ServerState.ONLINE;
        currentName = production.nameNow();
    }

    /** The DR side of a failback: its own name again, offline standby. */
    public void standDown() {
        state = ServerState.OFFLINE_STANDBY;
        currentName = null;
    }

    private void requireState(String transition, ServerState expected) {
        if (state != expected) {
            throw new TransitionRefused("Cannot " + transition + " server " + name + ": it is " + state
                    + ", and only a server that is " + expected + " can");
        }
    }
}
