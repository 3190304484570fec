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
        Set<String> copied = new HashSet<>(em.createQuery("select c.backupSetId from OffsiteCopy c where "
                + "c.databaseId = ?1 and c.state = io.wfdr.backup.domain.CopyState.VERIFIED and c.verifiedAt is not null", String.class)
                .setParameter(1, database.id).getResultList());
        Optional<BackupSet> newest = OffsiteRestorePoint.newest(BackupChains.of(entries), copied);
        if (newest.isEmpty()) {
            return new RpoStatus(database.id, database.name, database.rpoMinutes, null, null, null,
                    RpoStatus.State.UNKNOWN, whyUnknown(database, entries, copied));
        }
        Instant at = newest.get().finishedAt();
        long age = Math.max(0, Duration.between(at, clock.instant()).toMinutes());
        return new RpoStatus(database.id, database.name, database.rpoMinutes, newest.get().backupSetUuid(), at, age,
                age > database.rpoMinutes ? RpoStatus.State.BREACHED : RpoStatus.State.MET,
                age > database.rpoMinutes ? "the newest point restorable from offsite copies is " + age
                        + " minutes old, more than the target of " + database.rpoMinutes : null);
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
