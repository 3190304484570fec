package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A server as the inventory announced it; {@code currentName} is the one it carries now (after a failover). */
@Entity
@Table(name = "known_server")
public class KnownServer {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "current_name", nullable = false)
    public String currentName;

    @Column(name = "site_id", nullable = false)
    public String siteId;

    @Column(name = "environment_id")
    public String environmentId;

    /** The inventory's roles, comma-separated (WORKFLOW_IPROCESS_ENGINE, DATABASE_SERVER, …). */
    public String roles;

    /** ONLINE, OFFLINE_STANDBY, FAILED or DECOMMISSIONED, as last announced. */
    public String state;

    /** The Windows service names wfdr stops and starts there, one per line, in the inventory's order. */
    @Column(name = "windows_services")
    public String windowsServices;

    /** Its OpenSSH as the inventory records it ({@code {"port", "user", "secretRef", "hostKeyFingerprint"}}), or null. */
    @Column(name = "remote_shell")
    public String remoteShell;

    @Column(name = "workflow_url")
    public String workflowUrl;

    public java.util.List<String> services() {
        return windowsServices == null || windowsServices.isEmpty() ? java.util.List.of()
                : java.util.List.of(windowsServices.split("\n"));
    }

    public boolean hasRole(String role) {
        return roles != null && java.util.Arrays.asList(roles.split(",")).contains(role);
    }
}
