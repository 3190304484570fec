package io.wfdr.backup.service;

import java.time.Clock;
import java.util.List;

import io.wfdr.backup.api.BackupRequestBody;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.PolicyCopy;
import io.wfdr.backup.domain.SqlServerConnection;
import io.wfdr.backup.domain.TakeOver;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupFailed;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Protection again, the guide's recovery done: a database that took over from another (TFLOWF_DR on the DR SQL
 * Server in place of TFLOWF) gets a copy of the replaced database's policy ({@link PolicyCopy}) and, at once, its
 * first full backup. Everything runs in the transaction of the inventory event that made it possible (through the
 * inbox, so once): the take-over itself, or the new database's registration when that arrives later — the two are
 * keyed by different databases, so Kafka may deliver them in either order. When no backup can start (no connection
 * settings for the server yet), the policy is still made and {@link BackupFailed} says why; the backup starts when
 * the settings are saved.
 */
@ApplicationScoped
public class TakeOvers {

    private static final Logger LOG = Logger.getLogger(TakeOvers.class);

    private final EntityManager em;
    private final PolicyService policies;
    private final BackupOperations operations;
    private final Destinations destinations;
    private final BackupEvents events;
    private final Clock clock;

    TakeOvers(EntityManager em, PolicyService policies, BackupOperations operations, Destinations destinations,
            BackupEvents events, Clock clock) {
        this.em = em;
        this.policies = policies;
        this.operations = operations;
        this.destinations = destinations;
        this.events = events;
        this.clock = clock;
    }

    /** What {@code wfdr.inventory.database.taken-over.v1} says, as far as backups care. */
    public record TakenOver(String fromDatabaseId, String toDatabaseId, String serverId, String runbookId) {
    }

    /** The inventory announced a take-over: kept, and acted on if the new database is known here already. */
    public void taken(TakenOver fact) {
        if (em.find(TakeOver.class, fact.toDatabaseId()) != null) {
            return;
        }
        TakeOver takeOver = new TakeOver();
        takeOver.databaseId = fact.toDatabaseId();
        takeOver.fromDatabaseId = fact.fromDatabaseId();
        takeOver.serverId = fact.serverId();
        takeOver.runbookId = fact.runbookId();
        takeOver.takenOverAt = clock.instant();
        em.persist(takeOver);
        protectIfKnown(takeOver);
    }

    /** A database was announced: if it took over from another, it is protected now. */
    public void databaseKnown(String databaseId) {
        TakeOver takeOver = em.find(TakeOver.class, databaseId);
        if (takeOver != null && !takeOver.isProtected()) {
            protectIfKnown(takeOver);
        }
    }

    /** The first backup a take-over could not start for want of connection settings starts once they exist. */
    void connectionSaved(@Observes Connections.ConnectionSaved saved) {
        em.createQuery("from TakeOver where serverId = ?1", TakeOver.class).setParameter(1, saved.serverId())
                .getResultList().stream().filter(TakeOver::awaitsFirstBackup).forEach(takeOver ->
                        startFirstBackup(takeOver, em.find(KnownDatabase.class, takeOver.databaseId)));
    }

    private void protectIfKnown(TakeOver takeOver) {
        KnownDatabase database = em.find(KnownDatabase.class, takeOver.databaseId);
        if (database == null) {
            return;
        }
        takeOver.protectedAt = clock.instant();
        takeOver.note(policy(takeOver, database));
        startFirstBackup(takeOver, database);
    }

    /** The replaced database's policy, copied; a policy the new database already has is left as it is. */
    private List<String> policy(TakeOver takeOver, KnownDatabase database) {
        String replacedName = nameOf(takeOver.fromDatabaseId);
        if (em.find(BackupPolicy.class, database.id) != null) {
            return List.of(database.name + " had a backup policy before it took over from " + replacedName
                    + "; that policy is kept, not replaced by a copy of " + replacedName + "'s");
        }
        BackupPolicy replaced = em.find(BackupPolicy.class, takeOver.fromDatabaseId);
        if (replaced == null) {
            return List.of(replacedName + " had no backup policy to copy for " + database.name);
        }
        PolicyCopy copy = PolicyCopy.of(replaced, replacedName, home(database), destinations::siteOf);
        copy.policy().databaseId = database.id;
        em.persist(copy.policy());
        policies.announced(database, copy.policy());
        copy.notes().forEach(note -> LOG.warnf("The policy of %s, copied from %s's: %s", database.name,
                replacedName, note));
        return copy.notes();
    }

    private PolicyCopy.Home home(KnownDatabase database) {
        KnownServer server = em.find(KnownServer.class, database.serverId);
        return server == null ? new PolicyCopy.Home(database.name, database.serverId, database.serverId, null)
                : new PolicyCopy.Home(database.name, server.currentName, destinations.machineOf(server),
                        server.siteId);
    }

    /** A full backup now, as {@code POST /api/backups} would start it; or the reason none can start. */
    private void startFirstBackup(TakeOver takeOver, KnownDatabase database) {
        String reason = whyNoBackup(database);
        if (reason == null) {
            try {
                takeOver.firstOperationId = operations.acceptWithThisTransaction(
                        new BackupRequestBody(database.id, BackupType.FULL, false), "take-over:" + database.id).id();
                takeOver.noBackupReason = null;
                return;
            } catch (ConflictProblem | InvalidRequestProblem refused) {
                reason = refused.getMessage();
            }
        }
        takeOver.noBackupReason = reason;
        LOG.warnf("No first backup of %s after its take-over: %s", database.name, reason);
        events.publish(database.id, database.name, new BackupFailed(null, database.id, database.name,
                BackupType.FULL, 0, "the first backup of " + database.name + " after it took over from "
                        + nameOf(takeOver.fromDatabaseId) + " could not start: " + reason, null));
    }

    private String whyNoBackup(KnownDatabase database) {
        if (em.find(BackupPolicy.class, database.id) == null) {
            return database.name + " has no backup policy (PUT /api/databases/" + database.id + "/policy)";
        }
        if (em.find(SqlServerConnection.class, database.serverId) == null) {
            KnownServer server = em.find(KnownServer.class, database.serverId);
            return "no connection settings for " + (server == null ? "the server" : server.currentName) + " of "
                    + database.name + " (PUT /api/sql-servers/" + database.serverId + "/connection)";
        }
        return null;
    }

    private String nameOf(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        return database == null ? "database " + databaseId : database.name;
    }
}
