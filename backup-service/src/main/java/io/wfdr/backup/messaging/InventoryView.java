package io.wfdr.backup.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownHost;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.KnownSite;
import io.wfdr.backup.service.TakeOvers;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.Payload;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Keeps the backup service's view of the inventory (sites, machines, database servers, databases, logins) in step
 * with {@code wfdr.inventory.events}. Reads only the fields it needs from the public payloads, so inventory can
 * add fields without breaking it; events it has no use for are skipped. A database that took over from another
 * ({@code database.taken-over}) is protected by {@link TakeOvers} as soon as both events have been read.
 */
@ApplicationScoped
public class InventoryView {

    private static final String WHAT = "inventory event";

    private static final String PREFIX = "wfdr.inventory.";

    private final EntityManager em;
    private final TakeOvers takeOvers;

    InventoryView(EntityManager em, TakeOvers takeOvers) {
        this.em = em;
        this.takeOvers = takeOvers;
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
            case "database.registered", "database.updated" -> takeOvers.databaseKnown(em.merge(database(data)).id);
            case "database.taken-over" -> takeOvers.taken(takenOver(data));
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
        site.id = Payload.text(data, "id", WHAT);
        site.name = Payload.text(data, "name", WHAT);
        site.role = Payload.text(data, "role", WHAT);
        return site;
    }

    private static KnownHost host(JsonNode data) {
        KnownHost host = new KnownHost();
        host.id = Payload.text(data, "id", WHAT);
        host.name = Payload.text(data, "name", WHAT);
        host.siteId = Payload.text(data, "siteId", WHAT);
        return host;
    }

    private static KnownServer server(JsonNode data) {
        KnownServer server = new KnownServer();
        server.id = Payload.text(data, "id", WHAT);
        server.name = Payload.text(data, "name", WHAT);
        server.currentName = data.hasNonNull("currentName") ? data.get("currentName").asText() : server.name;
        server.siteId = Payload.text(data, "siteId", WHAT);
        server.hostId = data.hasNonNull("hostId") ? data.get("hostId").asText() : null;
        server.databaseServer = false;
        data.path("roles").forEach(role -> server.databaseServer |= "DATABASE_SERVER".equals(role.asText()));
        return server;
    }

    private static KnownDatabase database(JsonNode data) {
        KnownDatabase database = new KnownDatabase();
        database.id = Payload.text(data, "id", WHAT);
        database.name = Payload.text(data, "name", WHAT);
        database.kind = Payload.text(data, "kind", WHAT);
        database.serverId = Payload.text(data, "serverId", WHAT);
        database.environmentId = Payload.text(data, "environmentId", WHAT);
        database.recoveryModel = Payload.text(data, "recoveryModel", WHAT);
        database.rpoMinutes = Payload.number(data, "rpoMinutes", WHAT);
        database.rtoMinutes = Payload.number(data, "rtoMinutes", WHAT);
        return database;
    }

    private static TakeOvers.TakenOver takenOver(JsonNode data) {
        return new TakeOvers.TakenOver(Payload.text(data, "fromDatabaseId", WHAT),
                Payload.text(data, "toDatabaseId", WHAT), Payload.text(data, "serverId", WHAT),
                Payload.text(data, "runbookId", WHAT));
    }

    private static KnownLogin login(JsonNode data) {
        KnownLogin login = new KnownLogin();
        login.id = Payload.text(data, "id", WHAT);
        login.name = Payload.text(data, "name", WHAT);
        login.serverId = Payload.text(data, "serverId", WHAT);
        login.secretRef = Payload.text(data, "secretRef", WHAT);
        return login;
    }

    private void renamed(JsonNode data) {
        KnownServer server = em.find(KnownServer.class, Payload.text(data, "serverId", WHAT));
        if (server != null) {
            server.currentName = Payload.text(data, "toName", WHAT);
        }
    }

    private <T> void remove(Class<T> type, JsonNode data) {
        T known = em.find(type, Payload.text(data, "id", WHAT));
        if (known != null) {
            em.remove(known);
        }
    }
}
