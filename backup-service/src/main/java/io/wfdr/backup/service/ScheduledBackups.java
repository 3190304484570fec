package io.wfdr.backup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.api.BackupRequestBody;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.BackupSchedule;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.ScheduleSlot;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupFailed;
import io.wfdr.spine.problem.ConflictProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Fires the policies' schedules, safely in a cluster: every instance looks for due slots, and a slot runs on the one
 * instance whose insert of the slot's row wins the primary key; the others' inserts fail and they skip it. The
 * backup is then accepted with the slot as its Idempotency-Key, so even a retried start runs it once.
 */
@ApplicationScoped
public class ScheduledBackups {

    private static final Logger LOG = Logger.getLogger(ScheduledBackups.class);
    /** After a restart, slots due this long before it still run. */
    private static final Duration CATCH_UP = Duration.ofMinutes(2);

    private final EntityManager em;
    private final BackupOperations operations;
    private final BackupEvents events;
    private final Clock clock;
    private final String instance = "backup-service-" + UUID.randomUUID();
    private volatile Instant checkedUpTo;

    ScheduledBackups(EntityManager em, BackupOperations operations, BackupEvents events, Clock clock) {
        this.em = em;
        this.operations = operations;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${wfdr.backup.schedule-tick:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Instant now = clock.instant();
        Instant from = checkedUpTo == null ? now.minus(CATCH_UP) : checkedUpTo;
        if (runDue(from, now)) {
            checkedUpTo = now;
        }
    }

    /** Runs every slot due in (from, to]; false if the state store failed, so the window is looked at again. */
    boolean runDue(Instant from, Instant to) {
        List<BackupPolicy> active;
        try {
            active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from BackupPolicy where paused = false", BackupPolicy.class).getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the backup policies, the schedule waits: %s", e.getMessage());
            return false;
        }
        for (BackupPolicy policy : active) {
            for (BackupSchedule.Slot slot : BackupSchedule.due(policy, from, to)) {
                if (claim(policy.databaseId, slot)) {
                    start(policy.databaseId, slot);
                }
            }
        }
        return true;
    }

    /** True for exactly one caller per slot, across every instance sharing the state store. */
    boolean claim(String databaseId, BackupSchedule.Slot slot) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduleSlot claimed = new ScheduleSlot();
                claimed.databaseId = databaseId;
                claimed.type = slot.type();
                claimed.dueAt = slot.dueAt();
                claimed.claimedBy = instance;
                claimed.claimedAt = clock.instant();
                em.persist(claimed);
            });
            return true;
        } catch (RuntimeException e) {
            if (isDuplicate(e)) {
                return false;
            }
            throw e;
        }
    }

    private void start(String databaseId, BackupSchedule.Slot slot) {
        String key = "schedule:" + databaseId + ":" + slot.type() + ":" + slot.dueAt();
        try {
            String operationId = operations.accept(new BackupRequestBody(databaseId, slot.type(), false), key)
                    .operation().id();
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduleSlot.Key id = new ScheduleSlot.Key();
                id.databaseId = databaseId;
                id.type = slot.type();
                id.dueAt = slot.dueAt();
                em.find(ScheduleSlot.class, id).operationId = operationId;
            });
        } catch (ConflictProblem refused) {
            QuarkusTransaction.requiringNew().run(() -> {
                KnownDatabase database = em.find(KnownDatabase.class, databaseId);
                events.publish(databaseId, database.name, new BackupFailed(null, databaseId, database.name,
                        slot.type(), 0, "the scheduled backup due at " + slot.dueAt() + " could not start: "
                                + refused.getMessage()));
            });
        }
    }

    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof jakarta.persistence.EntityExistsException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
