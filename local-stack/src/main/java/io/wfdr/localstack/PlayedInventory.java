package io.wfdr.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Plays inventory-service on {@code wfdr.inventory.events} for another service's tests. Every event is the complete
 * public view inventory-service publishes, and is held to the AsyncAPI document's schema before it is sent —
 * inventory-service's own tests hold what it really publishes to the same schemas — so a test's stand-in cannot
 * drift from the real events. The views are mutable: a test changes a field, then announces.
 */
public final class PlayedInventory {

    public static final String TOPIC = "wfdr.inventory.events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTopics topics;
    private final String environmentId = UUID.randomUUID().toString();

    public PlayedInventory(TestTopics topics) {
        this.topics = topics;
    }

    public static PlayedInventory onTheTestBroker() {
        return new PlayedInventory(TestTopics.ofTestBroker());
    }

    public Map<String, Object> site(String id, String name, String role) {
        return view("id", id, "environmentId", environmentId, "name", name, "role", role, "location", name);
    }

    /** A physical machine: a backup destination, or the machine a physical server runs on. */
    public Map<String, Object> machine(String id, String name, String siteId) {
        return view("id", id, "name", name, "kind", "PHYSICAL_MACHINE", "hypervisor", null, "connectionRef", null,
                "siteId", siteId);
    }

    public Map<String, Object> vmHost(String id, String name, String siteId) {
        return view("id", id, "name", name, "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI", "connectionRef",
                "vsphere://vcenter01/" + name, "siteId", siteId);
    }

    /**
     * A physical server (no host) or a VM on the VM host given; a database server also has its SQL Server. It has
     * no Windows services, no remote shell and no Workflow URL: put {@code windowsServices},
     * {@link #remoteShell} or {@code workflowUrl} (a Workflow Web Server's) to give it some.
     */
    public Map<String, Object> server(String id, String name, String siteId, String hostId, List<String> roles) {
        Map<String, Object> server = view("id", id, "name", name, "currentName", name, "environmentId",
                environmentId, "siteId", siteId, "roles", roles, "machineType",
                hostId == null ? "PHYSICAL_MACHINE" : "VIRTUAL_MACHINE", "hostId", hostId,
                "hardware", view("cpuSockets", 2, "coresPerSocket", 8, "clockGhz", 2.6, "memoryGb", 64,
                        "diskGb", 2000, "fileSystem", "NTFS"),
                "operatingSystem", view("name", "Windows Server 2019 Standard", "servicePack", null),
                "state", "ONLINE", "windowsServices", List.of(), "workflowUrl", null);
        if (roles.contains("DATABASE_SERVER")) {
            server.put("sqlServer", view("version", "Microsoft SQL Server 2019", "servicePack", "CU18"));
        }
        return server;
    }

    /** How wfdr reaches a server's OpenSSH, as a server's {@code remoteShell} carries it. */
    public static Map<String, Object> remoteShell(int port, String user, String secretRef,
            String hostKeyFingerprint) {
        return view("port", port, "user", user, "secretRef", secretRef, "hostKeyFingerprint", hostKeyFingerprint);
    }

    public Map<String, Object> login(String id, String name, String serverId, String secretRef) {
        return view("id", id, "name", name, "serverId", serverId, "environmentId", environmentId, "sid", null,
                "secretRef", secretRef);
    }

    /** An ODBC System DSN on a Windows server, pointing at a SQL Server's database as one of its logins. */
    public Map<String, Object> dsn(String id, String name, String serverId, int bitness, String targetServerId,
            String defaultDatabase, String loginId) {
        return view("id", id, "name", name, "serverId", serverId, "environmentId", environmentId, "bitness", bitness,
                "targetServerId", targetServerId, "defaultDatabase", defaultDatabase, "loginId", loginId);
    }

    /** A database Workflow uses ({@code active}), replacing none: put {@code takesOverFrom} for a restored one. */
    public Map<String, Object> database(String id, String name, String kind, String serverId, String recoveryModel,
            int rpoMinutes, int rtoMinutes) {
        return view("id", id, "name", name, "kind", kind, "serverId", serverId, "environmentId", environmentId,
                "recoveryModel", recoveryModel, "rpoMinutes", rpoMinutes, "rtoMinutes", rtoMinutes, "active", true,
                "takesOverFrom", null);
    }

    /**
     * {@code database.taken-over}: the restored database {@code toId} on the DR server is the one Workflow uses in
     * place of {@code fromId}. Announce the restored database (active, taking over from {@code fromId}) and the
     * production one (no longer active) as {@code database.registered} / {@code .updated} too, as the inventory does.
     */
    public static Map<String, Object> takenOver(String fromId, String toId, String serverId, String dsnId,
            String runbookId) {
        return view("fromDatabaseId", fromId, "toDatabaseId", toId, "serverId", serverId, "dsnId", dsnId,
                "runbookId", runbookId, "reason", "restore runbook " + runbookId + " verified the restore",
                "ticketId", "INC-4711");
    }

    /** The pair as {@code pair.paired} and the failover events carry it. */
    public Map<String, Object> pair(String id, String productionId, String productionName, String drId,
            String drName) {
        return view("id", id, "environmentId", environmentId, "productionServerId", productionId,
                "productionServerName", productionName, "drServerId", drId, "drServerName", drName,
                "status", "NORMAL", "drifted", false, "pairedAt", "2026-11-20T08:00:00Z");
    }

    /**
     * Sends {@code wfdr.inventory.<what>.v1} keyed by its aggregate (the view's id, a pair event's pair), after
     * checking it against the AsyncAPI schema of that type.
     */
    public void announce(String what, Map<String, Object> data) {
        String type = "wfdr.inventory." + what + ".v1";
        String json = write(data);
        List<String> problems = AsyncApiSchemas.ofThisCheckout().problems(type, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("not what inventory-service publishes: " + problems);
        }
        Object pair = data.get("pair");
        Object key = data.containsKey("id") ? data.get("id")
                : pair instanceof Map<?, ?> view ? view.get("id")
                : data.containsKey("fromDatabaseId") ? data.get("fromDatabaseId") : data.get("serverId");
        topics.send(TOPIC, String.valueOf(key), json, Map.of("ce_specversion", "1.0", "ce_id",
                UUID.randomUUID().toString(), "ce_type", type, "ce_source", "/wfdr/inventory-service",
                "content-type", "application/json"));
    }

    /** A view from alternating names and values; values may be null, as inventory-service writes them. */
    public static Map<String, Object> view(Object... namesAndValues) {
        Map<String, Object> view = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            view.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return view;
    }

    private static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
