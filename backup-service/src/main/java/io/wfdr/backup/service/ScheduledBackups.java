package io.wfdr.backup.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.api.BackupRequestBody;
import io.wfdr.backup.config.WorkConfig;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.BackupSchedule;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.ScheduleCursor;
import io.wfdr.backup.domain.ScheduleSlot;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupFailed;
import io.wfdr.backup.messaging.BackupSlotsMissed;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Fires the policies' schedules, safely in a cluster. Every instance looks at the slots due since the policy's
 * cursor (stored, so slots that passed while every instance was down are found after a restart); a slot runs on
 * the one instance whose insert of the slot's row wins the primary key, under a lease until its operation exists.
 * A slot claimed but never started (the instance died, the database failed) is taken over when its lease ends; the
 * backup is accepted with the slot as its Idempotency-Key, so a slot never runs twice. Slots missed for longer than
 * {@code catch-up-after} are reported, and only the latest of each type runs.
 * <p>
 * Why not Quartz's clustered job store: the slots are derived from the policies at every tick, so there are no jobs
 * to keep in step with policy edits; a claim is one insert and one primary key, recovery one lease, and the tests
 * below race two claimers, let leases lapse and skip hours to show each rule.
 */
@ApplicationScoped
public class ScheduledBackups {

    private static final Logger LOG = Logger.getLogger(ScheduledBackups.class);

    private final EntityManager em;
    private final BackupOperations operations;
    private final BackupEvents events;
    private final Clock clock;
    private final Instance instance;
    private final Leases leases;
    private final WorkConfig config;

    ScheduledBackups(EntityManager em, BackupOperations operations, BackupEvents events, Clock clock,
            Instance instance, Leases leases, WorkConfig config) {
        this.em = em;
        this.operations = operations;
        this.events = events;
        this.clock = clock;
        this.instance = instance;
        this.leases = leases;
        this.config = config;
    }

    @Scheduled(every = "${wfdr.backup.schedule-tick:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        tick(clock.instant());
    }

    /** Looks at every active policy's slots from its cursor up to {@code now}, and at lapsed claims. */
    void tick(Instant now) {
        List<BackupPolicy> active;
        try {
            active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from BackupPolicy where paused = false", BackupPolicy.class).getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the backup policies, the schedule waits: %s", e.getMessage());
            return;
        }
        for (BackupPolicy policy : active) {
            Instant from = QuarkusTransaction.requiringNew().call(() -> {
                ScheduleCursor cursor = em.find(ScheduleCursor.class, policy.databaseId);
                return cursor == null ? now.minus(config.catchUpAfter()) : cursor.checkedUpTo;
            });
            if (from.isBefore(now)) {
                runDue(policy, from, now);
                advance(policy.databaseId, now);
            }
        }
        recoverLapsedClaims(now);
    }

    /** Runs every slot due in (from, to] of the active policies; slots missed for long run only as the latest. */
    boolean runDue(Instant from, Instant to) {
        List<BackupPolicy> active;
        try {
            active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "from BackupPolicy where paused = false", BackupPolicy.class).getResultList());
        } catch (RuntimeException e) {
            LOG.warnf("Cannot read the backup policies, the schedule waits: %s", e.getMessage());
            return false;
        }
        active.forEach(policy -> runDue(policy, from, to));
        return true;
    }

    private void runDue(BackupPolicy policy, Instant from, Instant to) {
        Instant late = to.minus(config.catchUpAfter());
        List<BackupSchedule.Slot> slots = BackupSchedule.due(policy, from, to);
        Map<BackupType, List<BackupSchedule.Slot>> missed = slots.stream().filter(s -> s.dueAt().isBefore(late))
                .collect(Collectors.groupingBy(BackupSchedule.Slot::type));
        List<BackupSchedule.Slot> toRun = new ArrayList<>(slots.stream().filter(s -> !s.dueAt().isBefore(late))
                .toList());
        missed.forEach((type, late_) -> {
            BackupSchedule.Slot latest = late_.stream().max(Comparator.comparing(BackupSchedule.Slot::dueAt))
                    .orElseThrow();
            boolean onTimeToo = toRun.stream().anyMatch(s -> s.type() == type);
            if (!onTimeToo) {
                toRun.add(0, latest);
            }
            reportMissed(policy.databaseId, type, late_, onTimeToo ? null : latest.dueAt());
        });
        for (BackupSchedule.Slot slot : toRun) {
            if (claim(policy.databaseId, slot)) {
                start(policy.databaseId, slot);
            }
        }
    }

    /** True for exactly one caller per slot, across every instance sharing the state store. */
    boolean claim(String databaseId, BackupSchedule.Slot slot) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduleSlot claimed = new ScheduleSlot();
                claimed.databaseId = databaseId;
                claimed.type = slot.type();
                claimed.dueAt = slot.dueAt();
                claimed.claimedBy = instance.id();
                claimed.claimedAt = clock.instant();
                claimed.leaseUntil = leases.leaseUntil();
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

    /** Slots whose claimer let the lease lapse before their operation existed: taken over, once. */
    void recoverLapsedClaims(Instant now) {
        List<ScheduleSlot> lapsed = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ScheduleSlot where operationId is null and leaseUntil < ?1", ScheduleSlot.class)
                .setParameter(1, now).getResultList());
        for (ScheduleSlot slot : lapsed) {
            int taken = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "update ScheduleSlot set claimedBy = ?1, claimedAt = ?2, leaseUntil = ?3 where databaseId = ?4 "
                            + "and type = ?5 and dueAt = ?6 and operationId is null and leaseUntil = ?7")
                    .setParameter(1, instance.id()).setParameter(2, now).setParameter(3, leases.leaseUntil())
                    .setParameter(4, slot.databaseId).setParameter(5, slot.type).setParameter(6, slot.dueAt)
                    .setParameter(7, slot.leaseUntil).executeUpdate());
            if (taken == 1) {
                LOG.infof("Taking over the %s backup of %s due at %s, claimed by %s", slot.type, slot.databaseId,
                        slot.dueAt, slot.claimedBy);
                start(slot.databaseId, new BackupSchedule.Slot(slot.type, slot.dueAt));
            }
        }
    }

    private void start(String databaseId, BackupSchedule.Slot slot) {
        String key = "schedule:" + databaseId + ":" + slot.type() + ":" + slot.dueAt();
        try {
            String operationId = operations.accept(new BackupRequestBody(databaseId, slot.type(), false), key)
                    .operation().id();
            resolve(databaseId, slot, operationId);
        } catch (ConflictProblem | InvalidRequestProblem refused) {
            QuarkusTransaction.requiringNew().run(() -> {
                KnownDatabase database = em.find(KnownDatabase.class, databaseId);
                events.publish(databaseId, database.name, new BackupFailed(null, databaseId, database.name,
                        slot.type(), 0, "the scheduled backup due at " + slot.dueAt() + " could not start: "
                                + refused.getMessage(), null));
            });
            resolve(databaseId, slot, "refused");
        } catch (RuntimeException e) {
            LOG.warnf("The %s backup of %s due at %s could not start yet; its claim lapses and it is retried: %s",
                    slot.type(), databaseId, slot.dueAt(), e.getMessage());
        }
    }

    private void resolve(String databaseId, BackupSchedule.Slot slot, String operationId) {
        QuarkusTransaction.requiringNew().run(() -> {
            ScheduleSlot.Key id = new ScheduleSlot.Key();
            id.databaseId = databaseId;
            id.type = slot.type();
            id.dueAt = slot.dueAt();
            ScheduleSlot found = em.find(ScheduleSlot.class, id);
            found.operationId = operationId;
            found.leaseUntil = null;
        });
    }

    private void reportMissed(String databaseId, BackupType type, List<BackupSchedule.Slot> missed, Instant caughtUp) {
        List<BackupSchedule.Slot> skipped = missed.stream().filter(s -> !s.dueAt().equals(caughtUp)).toList();
        if (skipped.isEmpty()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            KnownDatabase database = em.find(KnownDatabase.class, databaseId);
            events.publish(databaseId, database == null ? databaseId : database.name, new BackupSlotsMissed(databaseId,
                    database == null ? null : database.name, type, skipped.size(), skipped.get(0).dueAt(),
                    skipped.get(skipped.size() - 1).dueAt(), caughtUp));
        });
        LOG.warnf("%d scheduled %s backups of %s were missed while no instance ran (%s to %s); %s", skipped.size(),
                type, databaseId, skipped.get(0).dueAt(), skipped.get(skipped.size() - 1).dueAt(),
                caughtUp == null ? "a newer one runs on time" : "the latest, due at " + caughtUp + ", runs now");
    }

    private void advance(String databaseId, Instant to) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                ScheduleCursor cursor = em.find(ScheduleCursor.class, databaseId);
                if (cursor == null) {
                    cursor = new ScheduleCursor();
                    cursor.databaseId = databaseId;
                    cursor.checkedUpTo = to;
                    em.persist(cursor);
                } else if (cursor.checkedUpTo.isBefore(to)) {
                    cursor.checkedUpTo = to;
                }
            });
        } catch (RuntimeException e) {
            if (!Races.lost(e)) {
                LOG.warnf("The schedule cursor of %s stays where it was; the window is looked at again: %s",
                        databaseId, e.getMessage());
            }
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
