package io.wfdr.backup.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.messaging.OffsiteCopyFacts;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.RetentionPlan;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupExpired;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Retention per database, by {@link RetentionPlan}: the dry run lists what would go and why; applying it deletes the
 * expired backups' offsite copies (with their manifests) and marks them expired in the catalog.
 */
@ApplicationScoped
public class RetentionService {

    private final EntityManager em;
    private final CatalogService catalog;
    private final BackupEvents events;
    private final Clock clock;

    RetentionService(EntityManager em, CatalogService catalog, BackupEvents events, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RetentionPlan plan(String databaseId) {
        KnownDatabase database = em.find(KnownDatabase.class, databaseId);
        if (database == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        BackupPolicy policy = em.find(BackupPolicy.class, databaseId);
        if (policy == null) {
            throw new ConflictProblem(database.name + " has no backup policy, so no retention period");
        }
        Set<String> verified = new HashSet<>(em.createQuery("select c.backupSetId from OffsiteCopy c where "
                + "c.databaseId = ?1 and c.verifiedAt is not null", String.class)
                .setParameter(1, databaseId).getResultList());
        return RetentionPlan.of(catalog.of(databaseId), verified, clock.instant(),
                Duration.ofDays(policy.retentionDays));
    }

    /** Applies retention to every database whose policy is active, a few times a day. */
    @io.quarkus.scheduler.Scheduled(every = "${wfdr.backup.retention-interval:6h}", delayed = "15m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void applyAll() {
        List<String> active = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.databaseId from BackupPolicy p where p.paused = false", String.class).getResultList());
        for (String databaseId : active) {
            io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> apply(databaseId));
        }
    }

    /**
     * Applies the plan, copy by copy: each copy of an expired backup is deleted by its id (its file, unless another
     * live copy names the same file, and its manifest) and marked DELETED; a copy that cannot be deleted keeps its
     * backup in the catalog, to be tried again.
     */
    @Transactional
    public RetentionPlan apply(String databaseId) {
        RetentionPlan plan = plan(databaseId);
        for (RetentionPlan.Decision decision : plan.expire()) {
            List<OffsiteCopyFacts> deleted = new ArrayList<>();
            boolean all = true;
            for (OffsiteCopy copy : em.createQuery("from OffsiteCopy where backupSetId = ?1 and state <> ?2",
                    OffsiteCopy.class).setParameter(1, decision.backupSetId()).setParameter(2, CopyState.DELETED)
                    .getResultList()) {
                if (deleteCopy(copy)) {
                    deleted.add(OffsiteCopyFacts.of(copy));
                } else {
                    all = false;
                }
            }
            if (all) {
                CatalogRecord record = em.find(CatalogRecord.class, decision.backupSetId());
                record.expiredAt = clock.instant();
                events.publish(databaseId, record.databaseName,
                        new BackupExpired(databaseId, decision.backupSetId(), decision.reason(), deleted));
            }
        }
        return plan;
    }

    private boolean deleteCopy(OffsiteCopy copy) {
        long sharing = em.createQuery("select count(c) from OffsiteCopy c where c.path = ?1 and c.id <> ?2 "
                + "and c.state <> ?3", Long.class).setParameter(1, copy.path).setParameter(2, copy.id)
                .setParameter(3, CopyState.DELETED).getSingleResult();
        boolean ok = sharing > 0 || delete(Path.of(copy.path));
        ok &= delete(Path.of(copy.manifestPath == null ? copy.path + ManifestStore.SUFFIX : copy.manifestPath));
        if (ok) {
            copy.state = CopyState.DELETED;
            copy.deletedAt = clock.instant();
            copy.verifiedAt = null;
        }
        return ok;
    }

    private static boolean delete(Path file) {
        try {
            Files.deleteIfExists(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
