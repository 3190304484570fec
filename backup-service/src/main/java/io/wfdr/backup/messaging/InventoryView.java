package io.wfdr.backup.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownHost;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.KnownSite;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps the backup service's view of the inventory (sites, machines, database servers, databases, logins) in step
 * with {@code wfdr.inventory.events}. Reads only the fields it needs from the public payloads, so inventory can
 * add fields without breaking it; events it has no use for are skipped.
 */
@ApplicationScoped
public class InventoryView {

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
        String what = type.substring(PREFIX.length(), type.length() - ".v1".length());
        JsonNode data = event.data();
        switch (what) {
            case "site.registered", "site.updated" -> em.merge(site(data));
            case "host.registered", "host.updated" -> em.merge(host(data));
            case "server.registered", "server.updated" -> em.merge(server(data));
            case "database.registered", "database.updated" -> em.merge(database(data));
            case "login.registered", "login.updated" -> em.merge(login(data));
            case "site.removed" -> remove(KnownSite.class, data);
            case "host.removed" -> remove(KnownHost.class, data);
            case "server.removed" -> remove(KnownServer.class, data);
            case "database.removed" -> remove(KnownDatabase.class, data);
            case "login.removed" -> remove(KnownLogin.class, data);
            case "server.renamed" -> renamed(data);
            default -> {
                // not needed for backups
            }
        }
    }

    private static KnownSite site(JsonNode data) {
        KnownSite site = new KnownSite();
        site.id = text(data, "id");
        site.name = text(data, "name");
        site.role = text(data, "role");
        return site;
    }

    private static KnownHost host(JsonNode data) {
        KnownHost host = new KnownHost();
        host.id = text(data, "id");
        host.name = text(data, "name");
        host.siteId = text(data, "siteId");
        return host;
    }

    private static KnownServer server(JsonNode data) {
        KnownServer server = new KnownServer();
        server.id = text(data, "id");
        server.name = text(data, "name");
        server.currentName = data.hasNonNull("currentName") ? data.get("currentName").asText() : server.name;
        server.siteId = text(data, "siteId");
        server.hostId = data.hasNonNull("hostId") ? data.get("hostId").asText() : null;
        server.databaseServer = false;
        data.path("roles").forEach(role -> server.databaseServer |= "DATABASE_SERVER".equals(role.asText()));
        return server;
    }

    private static KnownDatabase database(JsonNode data) {
        KnownDatabase database = new KnownDatabase();
        database.id = text(data, "id");
        database.name = text(data, "name");
        database.kind = text(data, "kind");
        database.serverId = text(data, "serverId");
        database.environmentId = text(data, "environmentId");
        database.recoveryModel = text(data, "recoveryModel");
        database.rpoMinutes = number(data, "rpoMinutes");
        database.rtoMinutes = number(data, "rtoMinutes");
        return database;
    }

    private static KnownLogin login(JsonNode data) {
        KnownLogin login = new KnownLogin();
        login.id = text(data, "id");
        login.name = text(data, "name");
        login.serverId = text(data, "serverId");
        login.secretRef = text(data, "secretRef");
        return login;
    }

    private void renamed(JsonNode data) {
        KnownServer server = em.find(KnownServer.class, text(data, "serverId"));
        if (server != null) {
            server.currentName = text(data, "toName");
        }
    }

    private <T> void remove(Class<T> type, JsonNode data) {
        T known = em.find(type, text(data, "id"));
        if (known != null) {
            em.remove(known);
        }
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new MalformedEventException("inventory event without " + field);
        }
        return value.asText();
    }

    private static int number(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.canConvertToInt()) {
            throw new MalformedEventException("inventory event without a whole number " + field);
        }
        return value.asInt();
    }
}
