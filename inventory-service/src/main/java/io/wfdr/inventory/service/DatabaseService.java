package io.wfdr.inventory.service;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.DatabaseRequest;
import io.wfdr.inventory.api.DatabaseView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Database;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.DatabaseRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** TFLOWF and the TRANSFLO database, on database servers. */
@ApplicationScoped
public class DatabaseService {

    static final String ENTITY = "database";

    private final DatabaseRepository databases;
    private final ServerRepository servers;
    private final InventoryEvents events;

    DatabaseService(DatabaseRepository databases, ServerRepository servers, InventoryEvents events) {
        this.databases = databases;
        this.servers = servers;
        this.events = events;
    }

    @Transactional
    public Page<DatabaseView> list(String environmentId, String serverId, int page, int size) {
        PanacheQuery<Database> query = Scopes.ofServerOrEnvironment(databases, environmentId, serverId, Sort.by("name"));
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public DatabaseView get(String id) {
        return Views.of(databases.require(id));
    }

    @Transactional
    public DatabaseView register(DatabaseRequest request) {
        Database database = new Database();
        database.id = UUID.randomUUID().toString();
        apply(database, request);
        databases.persist(database);
        DatabaseView view = Views.of(database);
        events.registered(ENTITY, database.id, database.name, view);
        return view;
    }

    @Transactional
    public DatabaseView update(String id, DatabaseRequest request) {
        Database database = databases.require(id);
        apply(database, request);
        DatabaseView view = Views.of(database);
        events.updated(ENTITY, id, database.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        Database database = databases.require(id);
        databases.delete(database);
        events.removed(ENTITY, id, database.name, Views.of(database));
    }

    static void checkServer(String path, String field, Server server, Violations v) {
        if (server != null && !server.isDatabaseServer()) {
            v.add(path + field, "server " + server.name + " is not a database server");
        }
    }

    private void apply(Database database, DatabaseRequest request) {
        Server server = servers.findById(request.serverId());
        Violations violations = new Violations();
        if (server == null) {
            violations.add("serverId", "no server has the id " + request.serverId());
        }
        checkServer("", "serverId", server, violations);
        violations.throwIfAny("The database");
        if (databases.count("serverId = ?1 and name = ?2 and id <> ?3", server.id, request.name(),
                database.id == null ? "" : database.id) > 0) {
            throw new ConflictProblem("Server " + server.name + " already has a database named " + request.name());
        }
        database.name = request.name();
        database.kind = request.kind();
        database.serverId = server.id;
        database.environmentId = server.environmentId;
        database.recoveryModel = request.recoveryModel();
        database.rpoMinutes = request.rpoMinutes();
        database.rtoMinutes = request.rtoMinutes();
    }
}
