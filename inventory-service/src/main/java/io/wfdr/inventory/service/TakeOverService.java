package io.wfdr.inventory.service;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Database;
import io.wfdr.inventory.domain.DatabaseTakeOver;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.SqlLogin;
import io.wfdr.inventory.messaging.DatabaseTakenOver;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.DatabaseRepository;
import io.wfdr.inventory.repository.DsnRepository;
import io.wfdr.inventory.repository.LoginRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The guide's recovery, last step: the database restored on the DR SQL Server (TFLOWF_DR) becomes the one the
 * environment's Workflow uses. In one transaction it is registered (or brought in line) with the production
 * database's kind, recovery model and targets and made active, the production database is no longer active, the
 * TFLOWF System DSN points at it, and {@link DatabaseTakenOver} tells the backup service to protect it. The same
 * take-over asked again changes nothing; every refusal is decided before anything changes.
 */
@ApplicationScoped
public class TakeOverService {

    private final DatabaseRepository databases;
    private final ServerRepository servers;
    private final DsnRepository dsns;
    private final LoginRepository logins;
    private final InventoryEvents events;
    private final Clock clock;

    TakeOverService(DatabaseRepository databases, ServerRepository servers, DsnRepository dsns,
            LoginRepository logins, InventoryEvents events, Clock clock) {
        this.databases = databases;
        this.servers = servers;
        this.dsns = dsns;
        this.logins = logins;
        this.events = events;
        this.clock = clock;
    }

    /** @return false when this very take-over was done before, so nothing changed now */
    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public boolean takeOver(TakeOverCommand command) {
        DatabaseTakeOver earlier = DatabaseTakeOver.findById(command.databaseId());
        if (earlier != null) {
            return refuseUnlessSame(earlier, command);
        }
        TakeOverChecks.Found found = new TakeOverChecks.Found(databases.findById(command.databaseId()),
                servers.findById(command.serverId()), dsns.findById(command.dsnId()));
        TakeOverChecks.check(command, found);
        Database restored = standIn(found.production(), found.server(), command.name());
        repoint(found.dsn(), found.server(), restored);
        record(command, restored);
        events.publish(found.production().id, DatabaseService.ENTITY + "/" + found.production().name,
                new DatabaseTakenOver(found.production().id, restored.id, found.server().id, found.dsn().id,
                        command.runbookId(), reason(command), command.ticketId()));
        return true;
    }

    private static boolean refuseUnlessSame(DatabaseTakeOver earlier, TakeOverCommand command) {
        if (earlier.isSameAs(command.serverId(), command.name(), command.dsnId(), command.runbookId())) {
            return false;
        }
        throw new ConflictProblem("Database " + command.databaseId() + " was already taken over by "
                + earlier.databaseName + " on server " + earlier.serverId + " (runbook " + earlier.runbookId + ", at "
                + earlier.takenOverAt + "); another take-over of it is refused");
    }

    /** The restored database, registered when the inventory does not know it yet, now the active one. */
    private Database standIn(Database production, Server server, String name) {
        Database restored = databases.find("serverId = ?1 and lower(name) = ?2", server.id,
                name.toLowerCase(Locale.ROOT)).firstResult();
        boolean known = restored != null;
        if (!known) {
            restored = new Database();
            restored.id = UUID.randomUUID().toString();
            restored.name = name;
            restored.serverId = server.id;
        }
        restored.takeOverFrom(production);
        if (known) {
            events.updated(DatabaseService.ENTITY, restored.id, restored.name, Views.of(restored));
        } else {
            databases.persist(restored);
            events.registered(DatabaseService.ENTITY, restored.id, restored.name, Views.of(restored));
        }
        events.updated(DatabaseService.ENTITY, production.id, production.name, Views.of(production));
        return restored;
    }

    /**
     * The guide's ODBC steps in the inventory: the DSN names the DR SQL Server and the restored database, and logs
     * in with that server's login of the same name (registered as a copy of production's, same SID and secret,
     * when the inventory has none: the runbook created it with production's SID and password).
     */
    private void repoint(OdbcDsn dsn, Server server, Database restored) {
        dsn.targetServerId = server.id;
        dsn.defaultDatabase = restored.name;
        dsn.loginId = loginOn(server, logins.findById(dsn.loginId)).id;
        events.updated(DsnService.ENTITY, dsn.id, dsn.name, Views.of(dsn));
    }

    private SqlLogin loginOn(Server server, SqlLogin login) {
        if (login.serverId.equals(server.id)) {
            return login;
        }
        SqlLogin there = logins.find("serverId = ?1 and lower(name) = ?2", server.id,
                login.name.toLowerCase(Locale.ROOT)).firstResult();
        if (there != null) {
            return there;
        }
        SqlLogin copy = new SqlLogin();
        copy.id = UUID.randomUUID().toString();
        copy.name = login.name;
        copy.serverId = server.id;
        copy.environmentId = server.environmentId;
        copy.sid = login.sid;
        copy.secretRef = login.secretRef;
        logins.persist(copy);
        events.registered(LoginService.ENTITY, copy.id, copy.name, Views.of(copy));
        return copy;
    }

    private void record(TakeOverCommand command, Database restored) {
        DatabaseTakeOver takeOver = new DatabaseTakeOver();
        takeOver.fromDatabaseId = command.databaseId();
        takeOver.toDatabaseId = restored.id;
        takeOver.serverId = command.serverId();
        takeOver.databaseName = restored.name;
        takeOver.dsnId = command.dsnId();
        takeOver.runbookId = command.runbookId();
        takeOver.reason = reason(command);
        takeOver.ticketId = command.ticketId();
        takeOver.takenOverAt = clock.instant();
        takeOver.persist();
    }

    private static String reason(TakeOverCommand command) {
        return command.reason() == null || command.reason().isBlank()
                ? "restore runbook " + command.runbookId() : command.reason();
    }
}
