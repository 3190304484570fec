package io.wfdr.restore.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownPair;
import io.wfdr.restore.domain.KnownDsn;
import io.wfdr.restore.domain.KnownLogin;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.KnownSite;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.Payload;
import io.wfdr.spine.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The restore service's view of the inventory from {@code wfdr.inventory.events}: databases, servers (by the name
 * they carry now), sites, and DR pairs — where a database is restored by default. Only the fields it needs are read,
 * so the inventory can add fields freely.
 */
@ApplicationScoped
public class InventoryView {

    private static final String WHAT = "inventory event";

    private static final String PREFIX = "wfdr.inventory.";

    private final EntityManager em;

    InventoryView(EntityManager em) {
        this.em = em;
    }

    public void apply(IncomingEvent event) {
        String type = event.type();
        if (!type.startsWith(PREFIX) || !type.endsWith(".v1")) {
            return;
        }
        JsonNode data = event.data();
        switch (type.substring(PREFIX.length(), type.length() - ".v1".length())) {
            case "site.registered", "site.updated" -> em.merge(site(data));
            case "server.registered", "server.updated" -> em.merge(server(data));
            case "database.registered", "database.updated" -> em.merge(database(data));
            case "pair.paired", "pair.failed-over", "pair.failed-back" -> em.merge(pair(data.get("pair")));
            case "site.removed" -> remove(KnownSite.class, Payload.text(data, "id", WHAT));
            case "server.removed" -> remove(KnownServer.class, Payload.text(data, "id", WHAT));
            case "database.removed" -> remove(KnownDatabase.class, Payload.text(data, "id", WHAT));
            case "pair.unpaired" -> remove(KnownPair.class, Payload.text(pairNode(data), "id", WHAT));
            case "server.renamed" -> renamed(data);
            case "server.state-changed" -> stateChanged(data);
            case "login.registered", "login.updated" -> em.merge(login(data));
            case "login.removed" -> remove(KnownLogin.class, Payload.text(data, "id", WHAT));
            case "dsn.registered", "dsn.updated" -> em.merge(dsn(data));
            case "dsn.removed" -> remove(KnownDsn.class, Payload.text(data, "id", WHAT));
            default -> {
                // not needed for restore plans
            }
        }
    }

    private static KnownSite site(JsonNode data) {
        KnownSite site = new KnownSite();
        site.id = Payload.text(data, "id", WHAT);
        site.name = Payload.text(data, "name", WHAT);
        site.role = Payload.text(data, "role", WHAT);
        return site;
    }

    private static KnownServer server(JsonNode data) {
        KnownServer server = new KnownServer();
        server.id = Payload.text(data, "id", WHAT);
        server.name = Payload.text(data, "name", WHAT);
        server.currentName = data.hasNonNull("currentName") ? data.get("currentName").asText() : server.name;
        server.siteId = Payload.text(data, "siteId", WHAT);
        server.environmentId = data.path("environmentId").asText(null);
        server.state = data.path("state").asText(null);
        java.util.List<String> roles = new java.util.ArrayList<>();
        data.path("roles").forEach(role -> roles.add(role.asText()));
        server.roles = String.join(",", roles);
        java.util.List<String> services = new java.util.ArrayList<>();
        data.path("windowsServices").forEach(service -> services.add(service.asText()));
        server.windowsServices = String.join("\n", services);
        server.remoteShell = data.hasNonNull("remoteShell") ? data.get("remoteShell").toString() : null;
        server.workflowUrl = data.path("workflowUrl").asText(null);
        return server;
    }

    private static KnownLogin login(JsonNode data) {
        KnownLogin login = new KnownLogin();
        login.id = Payload.text(data, "id", WHAT);
        login.name = Payload.text(data, "name", WHAT);
        login.serverId = Payload.text(data, "serverId", WHAT);
        login.environmentId = Payload.text(data, "environmentId", WHAT);
        login.sid = data.path("sid").asText(null);
        login.secretRef = data.path("secretRef").asText(null);
        return login;
    }

    private static KnownDsn dsn(JsonNode data) {
        KnownDsn dsn = new KnownDsn();
        dsn.id = Payload.text(data, "id", WHAT);
        dsn.name = Payload.text(data, "name", WHAT);
        dsn.serverId = Payload.text(data, "serverId", WHAT);
        dsn.environmentId = Payload.text(data, "environmentId", WHAT);
        dsn.bitness = data.path("bitness").asInt(64);
        dsn.targetServerId = Payload.text(data, "targetServerId", WHAT);
        dsn.defaultDatabase = Payload.text(data, "defaultDatabase", WHAT);
        dsn.loginId = Payload.text(data, "loginId", WHAT);
        return dsn;
    }

    private void stateChanged(JsonNode data) {
        KnownServer server = em.find(KnownServer.class, Payload.text(data, "serverId", WHAT));
        if (server != null) {
            server.state = Payload.text(data, "to", WHAT);
        }
    }

    private static KnownDatabase database(JsonNode data) {
        KnownDatabase database = new KnownDatabase();
        database.id = Payload.text(data, "id", WHAT);
        database.name = Payload.text(data, "name", WHAT);
        database.serverId = Payload.text(data, "serverId", WHAT);
        database.environmentId = Payload.text(data, "environmentId", WHAT);
        database.recoveryModel = Payload.text(data, "recoveryModel", WHAT);
        database.rpoMinutes = data.path("rpoMinutes").asInt();
        database.rtoMinutes = data.path("rtoMinutes").asInt();
        database.active = data.path("active").asBoolean(true);
        database.takesOverFrom = data.path("takesOverFrom").asText(null);
        return database;
    }

    private static KnownPair pair(JsonNode pair) {
        if (pair == null || !pair.isObject()) {
            throw new MalformedEventException("a pair event without its pair");
        }
        KnownPair known = new KnownPair();
        known.id = Payload.text(pair, "id", WHAT);
        known.productionServerId = Payload.text(pair, "productionServerId", WHAT);
        known.drServerId = Payload.text(pair, "drServerId", WHAT);
        known.status = Payload.text(pair, "status", WHAT);
        return known;
    }

    private static JsonNode pairNode(JsonNode data) {
        return data.has("pair") ? data.get("pair") : data;
    }

    private void renamed(JsonNode data) {
        KnownServer server = em.find(KnownServer.class, Payload.text(data, "serverId", WHAT));
        if (server != null) {
            server.currentName = Payload.text(data, "toName", WHAT);
        }
    }

    private <T> void remove(Class<T> type, String id) {
        T known = em.find(type, id);
        if (known != null) {
            em.remove(known);
        }
    }
}
