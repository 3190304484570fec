package io.wfdr.restore.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownPair;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.KnownSite;
import io.wfdr.spine.events.IncomingEvent;
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
            case "site.removed" -> remove(KnownSite.class, text(data, "id"));
            case "server.removed" -> remove(KnownServer.class, text(data, "id"));
            case "database.removed" -> remove(KnownDatabase.class, text(data, "id"));
            case "pair.unpaired" -> remove(KnownPair.class, text(pairNode(data), "id"));
            case "server.renamed" -> renamed(data);
            default -> {
                // not needed for restore plans
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

    private static KnownServer server(JsonNode data) {
        KnownServer server = new KnownServer();
        server.id = text(data, "id");
        server.name = text(data, "name");
        server.currentName = data.hasNonNull("currentName") ? data.get("currentName").asText() : server.name;
        server.siteId = text(data, "siteId");
        return server;
    }

    private static KnownDatabase database(JsonNode data) {
        KnownDatabase database = new KnownDatabase();
        database.id = text(data, "id");
        database.name = text(data, "name");
        database.serverId = text(data, "serverId");
        database.environmentId = text(data, "environmentId");
        database.recoveryModel = text(data, "recoveryModel");
        database.rpoMinutes = data.path("rpoMinutes").asInt();
        database.rtoMinutes = data.path("rtoMinutes").asInt();
        return database;
    }

    private static KnownPair pair(JsonNode pair) {
        if (pair == null || !pair.isObject()) {
            throw new MalformedEventException("a pair event without its pair");
        }
        KnownPair known = new KnownPair();
        known.id = text(pair, "id");
        known.productionServerId = text(pair, "productionServerId");
        known.drServerId = text(pair, "drServerId");
        known.status = text(pair, "status");
        return known;
    }

    private static JsonNode pairNode(JsonNode data) {
        return data.has("pair") ? data.get("pair") : data;
    }

    private void renamed(JsonNode data) {
        KnownServer server = em.find(KnownServer.class, text(data, "serverId"));
        if (server != null) {
            server.currentName = text(data, "toName");
        }
    }

    private <T> void remove(Class<T> type, String id) {
        T known = em.find(type, id);
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
}
