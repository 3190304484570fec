package io.wfdr.backup.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.OperationStatus;
import io.wfdr.backup.domain.VerifyStatus;
import io.wfdr.backup.messaging.BackupCataloged;
import io.wfdr.backup.messaging.BackupCompleted;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupFailed;
import io.wfdr.backup.messaging.BackupStarted;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.backup.sqlserver.SqlServerGateway;
import io.wfdr.spine.contract.BackupSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Runs one accepted backup on SQL Server, outside any transaction: the BACKUP, then at once its record in the
 * catalog — found in msdb by the file it wrote, never as "the newest backup of this type" — then RESTORE VERIFYONLY
 * of that backup set, then its offsite copies. A backup SQL Server took is in the catalog whatever fails after it.
 * The instance running it keeps a heartbeat; an operation whose heartbeat stopped is resolved by another instance
 * (or this one after a restart) by asking msdb whether its file was written.
 */
@ApplicationScoped
public class BackupRun {

    private static final Logger LOG = Logger.getLogger(BackupRun.class);
    private static final Duration LOOK_BACK = Duration.ofDays(7);

    private final EntityManager em;
    private final Connections connections;
    private final BackupEvents events;
    private final Clock clock;
    private final OffsiteCopies copies;
    private final Instance instance;
    private final Leases leases;
    private final OperationRunner runner;

    BackupRun(EntityManager em, Connections connections, BackupEvents events, Clock clock, OffsiteCopies copies,
            Instance instance, Leases leases, OperationRunner runner) {
        this.em = em;
        this.connections = connections;
        this.events = events;
        this.clock = clock;
        this.copies = copies;
        this.instance = instance;
        this.leases = leases;
        this.runner = runner;
    }

    void run(String operationId) {
        BackupOperation started = start(operationId);
        if (started == null) {
            return;
        }
        leases.holdOperation(operationId);
        try {
            SqlServerGateway gateway = QuarkusTransaction.requiringNew()
                    .call(() -> connections.gatewayFor(started.databaseId));
            catchUp(started.databaseId, gateway);
            List<String> statements = Arrays.stream(started.script.split("\n"))
                    .filter(s -> !s.isBlank() && !s.startsWith("--")).toList();
            gateway.execute(statements.get(0), new Progress(operationId));
            String backupSet = catalogue(operationId, gateway.backupSetsIn(started.devicePath));
            if (backupSet == null) {
                fail(operationId, 0, "BACKUP finished but msdb has no backup set written to " + started.devicePath
                        + "; nothing was cataloged");
                return;
            }
            VerifyStatus verify = VerifyStatus.NOT_RUN;
            if (statements.size() > 1) {
                try {
                    gateway.execute(statements.get(1), percent -> { });
                    verify = VerifyStatus.PASSED;
                } catch (SqlServerFailure failure) {
                    verifyFailed(operationId, failure);
                    return;
                }
            }
            VerifyStatus verified = verify;
            QuarkusTransaction.requiringNew().run(() -> succeed(operationId, verified, null));
            runner.submitCopy(() -> copies.copyAll(operationId));
        } catch (SqlServerFailure failure) {
            fail(operationId, failure.cause().number(), failure.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "Backup operation %s failed before SQL Server answered", operationId);
            fail(operationId, 0, e.getMessage());
        } finally {
            leases.releaseOperation(operationId);
        }
    }

    private BackupOperation start(String operationId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                BackupOperation operation = em.find(BackupOperation.class, operationId);
                if (operation == null || operation.status != OperationStatus.ACCEPTED) {
                    return null;
                }
                operation.status = OperationStatus.RUNNING;
                operation.startedAt = clock.instant();
                operation.owner = instance.id();
                operation.heartbeatAt = clock.instant();
                KnownDatabase database = em.find(KnownDatabase.class, operation.databaseId);
                events.publish(database.id, database.name, new BackupStarted(operation.id, database.id,
                        database.name, operation.runType, operation.copyOnly));
                em.flush();
                em.detach(operation);
                return operation;
            });
        } catch (RuntimeException e) {
            if (!Races.lost(e)) {
                LOG.warnf(e, "Backup operation %s could not start; recovery tries again", operationId);
            }
            return null;
        }
    }

    /** Records the backup sets of the operation's file in the catalog; returns the operation's own set. */
    private String catalogue(String operationId, List<BackupSet> inFile) {
        return QuarkusTransaction.requiringNew().call(() -> {
            BackupOperation operation = em.find(BackupOperation.class, operationId);
            KnownDatabase database = em.find(KnownDatabase.class, operation.databaseId);
            BackupSet ours = inFile.stream().filter(s -> s.type() == operation.runType).findFirst().orElse(null);
            for (BackupSet set : inFile) {
                if (em.find(CatalogRecord.class, set.backupSetUuid()) == null) {
                    BackupSet tied = set.withInventory(database.id, database.serverId, database.environmentId);
                    em.persist(CatalogRecord.of(database.id, tied, operationId));
                    events.publish(database.id, database.name, new BackupCataloged(database.id, operationId,
                            "OWN_BACKUP", VerifyStatus.NOT_RUN.name(), false, tied));
                }
            }
            operation.backupSetId = ours == null ? null : ours.backupSetUuid();
            return operation.backupSetId;
        });
    }

    private void succeed(String operationId, VerifyStatus verify, String note) {
        BackupOperation operation = em.find(BackupOperation.class, operationId);
        KnownDatabase database = em.find(KnownDatabase.class, operation.databaseId);
        operation.status = OperationStatus.SUCCEEDED;
        operation.verifyStatus = verify.name();
        operation.percent = 100;
        operation.finishedAt = clock.instant();
        if (note != null) {
            operation.message = operation.message == null ? note : operation.message + "; " + note;
        }
        CatalogRecord backup = em.find(CatalogRecord.class, operation.backupSetId);
        events.publish(database.id, database.name, new BackupCompleted(operation.id, database.id,
                operation.requestedType, verify.name(), backup.entry(), operation.message));
    }

    private void verifyFailed(String operationId, SqlServerFailure failure) {
        QuarkusTransaction.requiringNew().run(() -> {
            BackupOperation operation = em.find(BackupOperation.class, operationId);
            operation.verifyStatus = VerifyStatus.FAILED.name();
        });
        fail(operationId, failure.cause().number(), "the backup was taken and is in the catalog, but RESTORE "
                + "VERIFYONLY of it failed: " + failure.getMessage());
    }

    private void fail(String operationId, int errorNumber, String message) {
        QuarkusTransaction.requiringNew().run(() -> {
            BackupOperation operation = em.find(BackupOperation.class, operationId);
            KnownDatabase database = em.find(KnownDatabase.class, operation.databaseId);
            operation.status = OperationStatus.FAILED;
            operation.message = message;
            operation.finishedAt = clock.instant();
            String name = database == null ? operation.databaseId : database.name;
            events.publish(operation.databaseId, name, new BackupFailed(operation.id, operation.databaseId, name,
                    operation.runType, errorNumber, message, operation.backupSetId));
        });
    }

    /**
     * Earlier operations of the database that lost track of their backup (the service stopped, msdb could not be
     * read): if SQL Server wrote their file after all, the backup enters the catalog now.
     */
    private void catchUp(String databaseId, SqlServerGateway gateway) {
        List<String> lost = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from BackupOperation o where o.databaseId = ?1 and o.status = ?2 and o.backupSetId is null "
                        + "and o.startedAt is not null and o.devicePath is not null and o.createdAt > ?3 "
                        + "order by o.createdAt desc", String.class)
                .setParameter(1, databaseId).setParameter(2, OperationStatus.FAILED)
                .setParameter(3, clock.instant().minus(LOOK_BACK)).setMaxResults(20).getResultList());
        for (String id : lost) {
            resolveFromMsdb(id, gateway, OperationStatus.FAILED);
        }
    }

    /** Asks msdb whether the operation's file was written; if so, the backup is cataloged and the operation done. */
    private void resolveFromMsdb(String operationId, SqlServerGateway gateway, OperationStatus otherwise) {
        String device = QuarkusTransaction.requiringNew().call(() -> em.find(BackupOperation.class, operationId)
                .devicePath);
        try {
            String found = catalogue(operationId, gateway.backupSetsIn(device));
            if (found != null) {
                QuarkusTransaction.requiringNew().run(() -> succeed(operationId, VerifyStatus.NOT_RUN,
                        "SQL Server finished this backup after the service lost track of it; found in msdb by its "
                                + "file, not verified with RESTORE VERIFYONLY"));
                runner.submitCopy(() -> copies.copyAll(operationId));
            } else if (otherwise == OperationStatus.RUNNING) {
                fail(operationId, 0, "interrupted: the instance running it stopped, and msdb has no backup written "
                        + "to " + device);
            }
        } catch (SqlServerFailure failure) {
            LOG.warnf("Cannot ask msdb about operation %s yet: %s", operationId, failure.getMessage());
        }
    }

    /**
     * Operations no instance is looking after: running ones whose heartbeat stopped are resolved from msdb,
     * accepted ones nobody started are started, and finished ones whose copies were never planned are copied.
     */
    void recoverAtStart(@Observes StartupEvent startup) {
        runner.submit(this::recover);
    }

    @Scheduled(every = "${wfdr.backup.recovery-interval:30s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void recover() {
        try {
            for (String id : claimStale()) {
                runner.submit(() -> resolveInterrupted(id));
            }
            List<String> accepted = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select id from BackupOperation where status = ?1 and createdAt < ?2 order by createdAt",
                    String.class).setParameter(1, OperationStatus.ACCEPTED)
                    .setParameter(2, leases.staleBefore()).getResultList());
            accepted.forEach(id -> runner.submit(() -> run(id)));
            uncopied().forEach(id -> runner.submitCopy(() -> copies.copyAll(id)));
        } catch (RuntimeException e) {
            LOG.warnf("Recovery of abandoned backup operations waits: %s", e.getMessage());
        }
    }

    /** Backups that succeeded but whose copies were never planned (the service stopped in between). */
    private List<String> uncopied() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select o.id from BackupOperation o, BackupPolicy p where p.databaseId = o.databaseId "
                        + "and p.backupFolderMount is not null and o.status = ?1 and o.backupSetId is not null "
                        + "and o.finishedAt > ?2 and o.finishedAt < ?3 "
                        + "and not exists (select c.id from OffsiteCopy c where c.operationId = o.id)", String.class)
                .setParameter(1, OperationStatus.SUCCEEDED).setParameter(2, clock.instant().minus(LOOK_BACK))
                .setParameter(3, leases.staleBefore()).getResultList());
    }

    private List<String> claimStale() {
        List<String> stale = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select id from BackupOperation where status = ?1 and (heartbeatAt is null or heartbeatAt < ?2)",
                String.class).setParameter(1, OperationStatus.RUNNING).setParameter(2, leases.staleBefore())
                .getResultList());
        return stale.stream().filter(id -> QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "update BackupOperation set owner = ?1, heartbeatAt = ?2 where id = ?3 and status = ?4 "
                        + "and (heartbeatAt is null or heartbeatAt < ?5)")
                .setParameter(1, instance.id()).setParameter(2, clock.instant()).setParameter(3, id)
                .setParameter(4, OperationStatus.RUNNING).setParameter(5, leases.staleBefore())
                .executeUpdate()) == 1).toList();
    }

    private void resolveInterrupted(String operationId) {
        leases.holdOperation(operationId);
        try {
            String databaseId = QuarkusTransaction.requiringNew().call(() ->
                    em.find(BackupOperation.class, operationId).databaseId);
            SqlServerGateway gateway = QuarkusTransaction.requiringNew().call(() -> connections.gatewayFor(databaseId));
            resolveFromMsdb(operationId, gateway, OperationStatus.RUNNING);
        } catch (RuntimeException e) {
            fail(operationId, 0, "interrupted: the instance running it stopped, and msdb cannot be asked: "
                    + e.getMessage());
        } finally {
            leases.releaseOperation(operationId);
        }
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
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    BackupOperation operation = em.find(BackupOperation.class, operationId);
                    operation.percent = Math.max(operation.percent, Math.min(percent, 99));
                });
            } catch (RuntimeException e) {
                // progress is not worth aborting a running BACKUP for: SQL Server would cancel it
                LOG.debugf("Progress of %s not recorded: %s", operationId, e.getMessage());
            }
        }
    }
}
