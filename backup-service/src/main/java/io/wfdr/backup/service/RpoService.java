package io.wfdr.backup.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.api.RpoStatus;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.OffsiteRestorePoint;
import io.wfdr.backup.domain.RpoState;
import io.wfdr.backup.domain.TakeOver;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.RpoBreached;
import io.wfdr.backup.messaging.RpoRestored;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * RPO status per database: the age of the newest backup restorable from offsite, against the target; a Prometheus
 * gauge {@code wfdr_backup_rpo_age_seconds}; events when the target is breached and when it is met again.
 */
@ApplicationScoped
public class RpoService {

    private final EntityManager em;
    private final CatalogService catalog;
    private final BackupEvents events;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<String, Long> ageSeconds = new ConcurrentHashMap<>();

    RpoService(EntityManager em, CatalogService catalog, BackupEvents events, Clock clock, MeterRegistry registry) {
        this.em = em;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
        this.registry = registry;
    }

    @Transactional
    public RpoStatus of(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        if (database == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        return status(database);
    }

    /** Every minute: refresh the gauge and publish a change of status once. */
    @Scheduled(every = "${wfdr.backup.rpo-check-interval:60s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void evaluate() {
        for (KnownDatabase database : em.createQuery("from KnownDatabase", KnownDatabase.class).getResultList()) {
            RpoStatus status = status(database);
            gauge(database, status);
            if (status.state() != RpoStatus.State.UNKNOWN) {
                publishChange(database, status);
            }
        }
    }

    RpoStatus status(KnownDatabase database) {
        List<BackupSet> entries = catalog.of(database.id);
        Set<String> copied = copied(database.id);
        Optional<BackupSet> newest = OffsiteRestorePoint.newest(BackupChains.of(entries), copied);
        if (newest.isEmpty()) {
            TakeOver takeOver = em.find(TakeOver.class, database.id);
            return takeOver != null ? sinceReplaced(database, takeOver)
                    : new RpoStatus(database.id, database.name, database.rpoMinutes, null, null, null,
                            RpoStatus.State.UNKNOWN, whyUnknown(database, entries, copied));
        }
        return against(database, newest.get(), null);
    }

    /** The status of the newest restorable point against the target; {@code context} adds to the reason. */
    private RpoStatus against(KnownDatabase database, BackupSet newest, String context) {
        Instant at = newest.finishedAt();
        long age = Math.max(0, Duration.between(at, clock.instant()).toMinutes());
        boolean breached = age > database.rpoMinutes;
        String breach = breached ? "the newest point restorable from offsite copies is " + age
                + " minutes old, more than the target of " + database.rpoMinutes : null;
        String reason = breach == null ? context : context == null ? breach : breach + "; " + context;
        return new RpoStatus(database.id, database.name, database.rpoMinutes, newest.backupSetUuid(), at, age,
                breached ? RpoStatus.State.BREACHED : RpoStatus.State.MET, reason);
    }

    /**
     * A database that took over from another and has no backup of its own restorable from offsite yet: a disaster
     * now loses everything since the replaced database's newest restorable backup (what the restore reached), so its
     * age counts from there and the switch hides no breach.
     */
    private RpoStatus sinceReplaced(KnownDatabase database, TakeOver takeOver) {
        KnownDatabase replaced = em.find(KnownDatabase.class, takeOver.fromDatabaseId);
        String replacedName = replaced == null ? "database " + takeOver.fromDatabaseId : replaced.name;
        String context = database.name + " took over from " + replacedName + " at " + takeOver.takenOverAt
                + " and has no backup restorable from offsite yet (" + ownBackup(takeOver) + "); its age counts "
                + "from " + replacedName + "'s newest restorable backup";
        Optional<BackupSet> newest = OffsiteRestorePoint.newest(BackupChains.of(catalog.of(takeOver.fromDatabaseId)),
                copied(takeOver.fromDatabaseId));
        return newest.map(set -> against(database, set, context)).orElseGet(() -> new RpoStatus(database.id,
                database.name, database.rpoMinutes, null, null, null, RpoStatus.State.UNKNOWN,
                context + ", and " + replacedName + " has none either"));
    }

    private static String ownBackup(TakeOver takeOver) {
        if (takeOver.firstOperationId != null) {
            return "its first full backup is operation " + takeOver.firstOperationId;
        }
        return takeOver.noBackupReason != null ? "no backup ran: " + takeOver.noBackupReason
                : "it is not known here yet, so no backup ran";
    }

    private Set<String> copied(String databaseId) {
        return new HashSet<>(em.createQuery("select c.backupSetId from OffsiteCopy c where "
                + "c.databaseId = ?1 and c.state = io.wfdr.backup.domain.CopyState.VERIFIED and c.verifiedAt is not null", String.class)
                .setParameter(1, databaseId).getResultList());
    }

    private String whyUnknown(KnownDatabase database, List<BackupSet> entries, Set<String> copied) {
        BackupPolicy policy = em.find(BackupPolicy.class, database.id);
        if (policy == null) {
            return database.name + " has no backup policy";
        }
        if (policy.backupFolderMount == null) {
            return "the policy has no backupFolderMount, so no backup of " + database.name + " is ever copied offsite";
        }
        if (entries.stream().noneMatch(BackupSet::canStartRestore)) {
            return "the catalog has no usable full backup of " + database.name;
        }
        if (copied.isEmpty()) {
            return "no backup of " + database.name + " has a verified offsite copy yet";
        }
        return "no full backup of " + database.name + " has a verified offsite copy";
    }

    private void publishChange(KnownDatabase database, RpoStatus status) {
        boolean breached = status.state() == RpoStatus.State.BREACHED;
        RpoState state = em.find(RpoState.class, database.id);
        if (state != null && state.breached == breached) {
            return;
        }
        if (state == null) {
            state = new RpoState();
            state.databaseId = database.id;
            state.breached = breached;
            state.changedAt = clock.instant();
            em.persist(state);
            if (!breached) {
                return;
            }
        } else {
            state.breached = breached;
            state.changedAt = clock.instant();
        }
        events.publish(database.id, database.name, breached ? new RpoBreached(status) : new RpoRestored(status));
    }

    private void gauge(KnownDatabase database, RpoStatus status) {
        long seconds = status.ageMinutes() == null ? -1 : status.ageMinutes() * 60;
        if (ageSeconds.put(database.id, seconds) == null) {
            Gauge.builder("wfdr_backup_rpo_age_seconds", ageSeconds, ages -> ages.getOrDefault(database.id, -1L))
                    .tag("database", database.name).tag("database_id", database.id)
                    .description("Age of the newest backup restorable from offsite copies (-1: none)")
                    .register(registry);
        }
    }
}
