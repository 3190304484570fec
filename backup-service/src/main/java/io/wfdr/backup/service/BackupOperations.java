package io.wfdr.backup.service;

import java.time.Clock;
import java.time.Instant;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.wfdr.backup.api.BackupRequestBody;
import io.wfdr.backup.api.OperationView;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.CatalogEntry;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.IdempotencyKey;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.OperationStatus;
import io.wfdr.backup.messaging.BackupCompleted;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupFailed;
import io.wfdr.backup.messaging.BackupStarted;
import io.wfdr.backup.sqlserver.BackupRequest;
import io.wfdr.backup.sqlserver.BackupScript;
import io.wfdr.backup.sqlserver.SqlServerFailure;
import io.wfdr.backup.sqlserver.SqlServerGateway;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Backups on demand: accepted in one transaction (with the exact T-SQL that will run), run on a backup thread
 * outside any transaction, recorded in the catalog from msdb afterwards. A differential with no usable full in the
 * catalog runs as a full, and the operation says so. An operation that was running when the service stopped is
 * reported failed at start-up, never left hanging; one that was accepted but not started is started.
 */
@ApplicationScoped
public class BackupOperations {

    private static final Logger LOG = Logger.getLogger(BackupOperations.class);

    private final EntityManager em;
    private final Connections connections;
    private final OperationRunner runner;
    private final BackupEvents events;
    private final Clock clock;
    private final CatalogService catalog;
    private final OffsiteCopies copies;

    BackupOperations(EntityManager em, Connections connections, OperationRunner runner, BackupEvents events,
            Clock clock, CatalogService catalog, OffsiteCopies copies) {
        this.catalog = catalog;
        this.copies = copies;
        this.em = em;
        this.connections = connections;
        this.runner = runner;
        this.events = events;
        this.clock = clock;
    }

    public record Accepted(OperationView operation, boolean isNew) {
    }

    /** Accepts the request, or returns the operation a request with the same Idempotency-Key started. */
    public Accepted accept(BackupRequestBody request, String idempotencyKey) {
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> acceptInTransaction(request, idempotencyKey));
        if (accepted.isNew()) {
            runner.submit(() -> run(accepted.operation().id()));
        }
        return accepted;
    }

    private Accepted acceptInTransaction(BackupRequestBody request, String idempotencyKey) {
        if (idempotencyKey != null) {
            IdempotencyKey known = em.find(IdempotencyKey.class, idempotencyKey);
            if (known != null) {
                return new Accepted(view(em.find(BackupOperation.class, known.operationId)), false);
            }
        }
        KnownDatabase database = database(request.databaseId());
        Plan plan = plan(database, request.type(), request.copyOnly());
        connections.requireSettings(database);
        BackupOperation operation = new BackupOperation();
        operation.id = UUID.randomUUID().toString();
        operation.databaseId = database.id;
        operation.requestedType = request.type();
        operation.runType = plan.request().type();
        operation.copyOnly = request.copyOnly();
        operation.status = OperationStatus.ACCEPTED;
        operation.script = BackupScript.script(plan.request(), plan.verify());
        String file = BackupScript.filePath(plan.request());
        operation.fileName = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        operation.message = plan.note();
        operation.createdAt = clock.instant();
        em.persist(operation);
        if (idempotencyKey != null) {
            IdempotencyKey key = new IdempotencyKey();
            key.key = idempotencyKey;
            key.operationId = operation.id;
            em.persist(key);
        }
        return new Accepted(view(operation), true);
    }

    /** The exact T-SQL an on-demand backup of this kind would run now, without running it. */
    @Transactional
    public String script(String databaseId, BackupType type, boolean copyOnly) {
        Plan plan = plan(database(databaseId), type, copyOnly);
        return (plan.note() == null ? "" : "-- " + plan.note() + "\n") + BackupScript.script(plan.request(), plan.verify());
    }

    @Transactional
    public OperationView get(String id) {
        BackupOperation operation = em.find(BackupOperation.class, id);
        if (operation == null) {
            throw new NotFoundProblem("Backup operation", id);
        }
        return view(operation);
    }

    private record Plan(BackupRequest request, boolean verify, String note) {
    }

    private Plan plan(KnownDatabase database, BackupType type, boolean copyOnly) {
        if (type == BackupType.LOG && !database.allowsLogBackups()) {
            throw new ConflictProblem(database.name + " uses the " + database.recoveryModel + " recovery model; "
                    + "SQL Server refuses log backups under it (error 4208)");
        }
        BackupPolicy policy = em.find(BackupPolicy.class, database.id);
        if (policy == null) {
            throw new ConflictProblem(database.name + " has no backup policy yet; its policy names the backup folder "
                    + "and how backups are written (PUT /api/databases/" + database.id + "/policy)");
        }
        BackupType runType = type;
        String note = null;
        if (type == BackupType.DIFFERENTIAL && !copyOnly && !hasUsableFull(database.id)) {
            runType = BackupType.FULL;
            note = "no usable full backup of " + database.name + " in the catalog to base a differential on; "
                    + "a full backup runs instead";
        }
        BackupRequest request = new BackupRequest(database.name, runType, copyOnly, policy.backupFolder,
                clock.instant(), policy.compression, policy.checksum, Optional.ofNullable(policy.encryptionCertificate));
        return new Plan(request, policy.verifyAfterBackup, note);
    }

    private boolean hasUsableFull(String databaseId) {
        return !BackupChains.of(catalog.of(databaseId)).chains().isEmpty();
    }

    void run(String operationId) {
        BackupOperation started = QuarkusTransaction.requiringNew().call(() -> start(operationId));
        if (started == null) {
            return;
        }
        try {
            SqlServerGateway gateway = QuarkusTransaction.requiringNew()
                    .call(() -> connections.gatewayFor(started.databaseId));
            Progress progress = new Progress(operationId);
            for (String statement : started.script.split("\n")) {
                if (!statement.isBlank() && !statement.startsWith("--")) {
                    gateway.execute(statement, progress);
                }
            }
            Duration sinceStart = Duration.between(started.startedAt, clock.instant()).plusMinutes(5);
            List<CatalogEntry> history = gateway.history(databaseName(started.databaseId), sinceStart);
            QuarkusTransaction.requiringNew().run(() -> succeed(operationId, history));
            copies.copyAll(operationId);
        } catch (SqlServerFailure failure) {
            fail(operationId, failure.cause().number(), failure.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Backup operation %s failed before SQL Server answered", operationId);
            fail(operationId, 0, e.getMessage());
        }
    }

    private BackupOperation start(String operationId) {
        BackupOperation operation = em.find(BackupOperation.class, operationId);
        if (operation == null || operation.status != OperationStatus.ACCEPTED) {
            return null;
        }
        operation.status = OperationStatus.RUNNING;
        operation.startedAt = clock.instant();
        KnownDatabase database = database(operation.databaseId);
        events.publish(database.id, database.name, new BackupStarted(operation.id, database.id, database.name,
                operation.runType, operation.copyOnly));
        em.flush();
        em.detach(operation);
        return operation;
    }

    private void succeed(String operationId, List<CatalogEntry> history) {
        BackupOperation operation = em.find(BackupOperation.class, operationId);
        KnownDatabase database = database(operation.databaseId);
        CatalogEntry ours = null;
        for (CatalogEntry entry : history) {
            if (em.find(CatalogRecord.class, entry.backupSetId().toUpperCase(java.util.Locale.ROOT)) == null) {
                em.persist(CatalogRecord.of(database.id, entry, operationId));
            }
            if (entry.type() == operation.runType && entry.copyOnly() == operation.copyOnly
                    && (ours == null || entry.finishedAt().isAfter(ours.finishedAt()))) {
                ours = entry;
            }
        }
        operation.status = OperationStatus.SUCCEEDED;
        operation.percent = 100;
        operation.finishedAt = clock.instant();
        events.publish(database.id, database.name,
                new BackupCompleted(operation.id, database.id, operation.requestedType, ours, operation.message));
    }

    private void fail(String operationId, int errorNumber, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            BackupOperation operation = em.find(BackupOperation.class, operationId);
            KnownDatabase database = database(operation.databaseId);
            operation.status = OperationStatus.FAILED;
            operation.message = message;
            operation.finishedAt = clock.instant();
            events.publish(database.id, database.name, new BackupFailed(operation.id, database.id, database.name,
                    operation.runType, errorNumber, message));
        });
    }

    /**
     * Operations the last run of the service left behind: running ones failed, accepted ones started, and finished
     * ones whose offsite copies never happened are copied now (an interrupted copy resumes from its .partial file).
     */
    void recover(@Observes StartupEvent startup) {
        List<String> accepted = QuarkusTransaction.requiringNew().call(() -> {
            em.createQuery("from BackupOperation where status = ?1", BackupOperation.class)
                    .setParameter(1, OperationStatus.RUNNING).getResultList()
                    .forEach(o -> fail(o.id, 0, "interrupted: the backup service stopped while it ran; SQL Server may "
                            + "still have finished it, and the next run of this database imports its history"));
            return em.createQuery("select id from BackupOperation where status = ?1 order by createdAt", String.class)
                    .setParameter(1, OperationStatus.ACCEPTED).getResultList();
        });
        accepted.forEach(id -> runner.submit(() -> run(id)));
        List<String> uncopied = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from BackupOperation o, BackupPolicy p where p.databaseId = o.databaseId "
                        + "and p.backupFolderMount is not null and o.status = ?1 and o.finishedAt > ?2 "
                        + "and not exists (select c.id from OffsiteCopy c where c.operationId = o.id)", String.class)
                .setParameter(1, OperationStatus.SUCCEEDED)
                .setParameter(2, clock.instant().minus(Duration.ofDays(7)))
                .getResultList());
        uncopied.forEach(id -> runner.submit(() -> copies.copyAll(id)));
    }

    private final class Progress implements java.util.function.IntConsumer {
        private final String operationId;
        private int reported;

        Progress(String operationId) {
            this.operationId = operationId;
        }

        @Override
        public void accept(int percent) {
            if (percent < 100 && percent - reported < 10) {
                return;
            }
            reported = percent;
            QuarkusTransaction.requiringNew().run(() -> {
                BackupOperation operation = em.find(BackupOperation.class, operationId);
                operation.percent = Math.max(operation.percent, Math.min(percent, 99));
            });
        }
    }

    private String databaseName(String databaseId) {
        return QuarkusTransaction.requiringNew().call(() -> database(databaseId).name);
    }

    private KnownDatabase database(String id) {
        KnownDatabase database = em.find(KnownDatabase.class, id);
        if (database == null) {
            throw new NotFoundProblem("Database", id);
        }
        return database;
    }

    private OperationView view(BackupOperation o) {
        return new OperationView(o.id, o.databaseId, o.requestedType, o.runType, o.copyOnly, o.status, o.percent,
                o.message, o.script, o.createdAt, o.startedAt, o.finishedAt, copies.of(o.id));
    }

}
