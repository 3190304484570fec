package io.wfdr.backup.service;

import io.wfdr.backup.api.ConnectionRequest;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.SqlServerConnection;
import io.wfdr.backup.sqlserver.SqlServerGateway;
import io.wfdr.backup.sqlserver.SqlServerGateways;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Connection settings per database server, and the gateway to the server a database lives on. */
@ApplicationScoped
public class Connections {

    private final EntityManager em;
    private final SqlServerGateways gateways;
    private final Event<ConnectionSaved> saved;

    Connections(EntityManager em, SqlServerGateways gateways, Event<ConnectionSaved> saved) {
        this.em = em;
        this.gateways = gateways;
        this.saved = saved;
    }

    /** Connection settings of a server were saved: work waiting for them (a take-over's first backup) can start. */
    public record ConnectionSaved(String serverId) {
    }

    @Transactional
    public ConnectionRequest put(String serverId, ConnectionRequest request) {
        KnownServer server = em.find(KnownServer.class, serverId);
        if (server == null) {
            throw new NotFoundProblem("Database server", serverId);
        }
        KnownLogin login = em.find(KnownLogin.class, request.loginId());
        Violations violations = new Violations();
        if (!server.databaseServer) {
            violations.add("serverId", "server " + server.name + " is not a database server");
        }
        if (login == null || !login.serverId.equals(serverId)) {
            violations.add("loginId", "server " + server.name + " has no login with this id");
        }
        violations.throwIfAny("The connection");
        SqlServerConnection found = em.find(SqlServerConnection.class, serverId);
        SqlServerConnection connection = found == null ? new SqlServerConnection() : found;
        connection.serverId = serverId;
        connection.port = request.port() == null ? 1433 : request.port();
        connection.instanceName = request.instanceName();
        connection.encrypt = request.encrypt() == null || request.encrypt();
        connection.trustServerCertificate = request.trustServerCertificate() != null && request.trustServerCertificate();
        connection.loginId = login.id;
        if (found == null) {
            em.persist(connection);
        }
        saved.fire(new ConnectionSaved(serverId));
        return view(connection);
    }

    @Transactional
    public ConnectionRequest get(String serverId) {
        SqlServerConnection connection = em.find(SqlServerConnection.class, serverId);
        if (connection == null) {
            throw new NotFoundProblem("Connection settings of database server", serverId);
        }
        return view(connection);
    }

    /** Refuses work on a database whose server wfdr cannot reach yet (409). */
    void requireSettings(KnownDatabase database) {
        if (em.find(SqlServerConnection.class, database.serverId) == null) {
            throw new ConflictProblem("no connection settings for the server of " + database.name
                    + " (PUT /api/sql-servers/" + database.serverId + "/connection)");
        }
    }

    SqlServerGateway gatewayFor(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        KnownServer server = em.find(KnownServer.class, database.serverId);
        SqlServerConnection connection = em.find(SqlServerConnection.class, database.serverId);
        if (server == null || connection == null) {
            throw new ConflictProblem("no connection settings for the server of " + database.name
                    + " (PUT /api/sql-servers/" + database.serverId + "/connection)");
        }
        return gateways.open(server, connection, em.find(KnownLogin.class, connection.loginId));
    }

    private static ConnectionRequest view(SqlServerConnection c) {
        return new ConnectionRequest(c.port, c.instanceName, c.encrypt, c.trustServerCertificate, c.loginId);
    }
}
