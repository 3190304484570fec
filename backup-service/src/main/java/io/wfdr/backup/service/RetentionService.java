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
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Retention per database, by {@link RetentionPlan}: the dry run lists what would go and why; applying it deletes the
 * expired backups' offsite copies (with their manifests) and marks them expired in the catalog.
 */
@ApplicationScoped
public class RetentionService {

    private static final Logger LOG = Logger.getLogger(RetentionService.class);

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

    /** Applies retention to every database whose policy is active, a few times a day; one failure stops no other. */
    @io.quarkus.scheduler.Scheduled(every = "${wfdr.backup.retention-interval:6h}", delayed = "15m",
            concurrentExecution = io.quarkus.scheduler.Scheduled.ConcurrentExecution.SKIP)
    void applyAll() {
        List<String> active = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.databaseId from BackupPolicy p where p.paused = false", String.class).getResultList());
        for (String databaseId : active) {
            try {
                apply(databaseId);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Retention of database %s failed this time: %s", databaseId, e.getMessage());
            }
        }
    }

    /**
     * Applies the plan, copy by copy: a copy of an expired backup is marked DELETED first (so nothing counts on it
     * while its files go), then its file is deleted (unless another live copy names the same file; then its manifest
     * stays too). A file that cannot be deleted puts its copy back as it was and keeps the backup in the catalog, to
     * be tried again; when every copy is gone the backup is marked expired and published.
     */
    public RetentionPlan apply(String databaseId) {
        RetentionPlan plan = QuarkusTransaction.requiringNew().call(() -> plan(databaseId));
        for (RetentionPlan.Decision decision : plan.expire()) {
            List<String> copyIds = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                    "select c.id from OffsiteCopy c where c.backupSetId = ?1 and c.state <> ?2", String.class)
                    .setParameter(1, decision.backupSetId()).setParameter(2, CopyState.DELETED).getResultList());
            List<OffsiteCopyFacts> deleted = new ArrayList<>();
            boolean all = true;
            for (String copyId : copyIds) {
                OffsiteCopyFacts facts = deleteCopy(copyId);
                all &= facts != null;
                if (facts != null) {
                    deleted.add(facts);
                }
            }
            if (all) {
                QuarkusTransaction.requiringNew().run(() -> {
                    CatalogRecord record = em.find(CatalogRecord.class, decision.backupSetId());
                    record.expiredAt = clock.instant();
                    events.publish(databaseId, record.databaseName,
                            new BackupExpired(databaseId, decision.backupSetId(), decision.reason(), deleted));
                });
            }
        }
        return plan;
    }

    private record Marked(OffsiteCopyFacts facts, CopyState was, java.time.Instant verifiedAt, boolean shared) {
    }

    private OffsiteCopyFacts deleteCopy(String copyId) {
        Marked marked = QuarkusTransaction.requiringNew().call(() -> {
            OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
            long sharing = em.createQuery("select count(c) from OffsiteCopy c where c.path = ?1 and c.id <> ?2 "
                    + "and c.state <> ?3", Long.class).setParameter(1, copy.path).setParameter(2, copy.id)
                    .setParameter(3, CopyState.DELETED).getSingleResult();
            Marked before = new Marked(OffsiteCopyFacts.of(copy), copy.state, copy.verifiedAt, sharing > 0);
            copy.state = CopyState.DELETED;
            copy.deletedAt = clock.instant();
            copy.verifiedAt = null;
            return before;
        });
        if (marked.shared()) {
            return marked.facts();
        }
        try {
            Files.deleteIfExists(Path.of(marked.facts().path()));
        } catch (IOException e) {
            LOG.warnf("Retention cannot delete %s now; the copy stays and is tried again: %s", marked.facts().path(),
                    e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> {
                OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
                copy.state = marked.was();
                copy.verifiedAt = marked.verifiedAt();
                copy.deletedAt = null;
            });
            return null;
        }
        String manifest = marked.facts().manifestPath() == null ? marked.facts().path() + ManifestStore.SUFFIX
                : marked.facts().manifestPath();
        try {
            Files.deleteIfExists(Path.of(manifest));
        } catch (IOException e) {
            LOG.warnf("The manifest %s of a deleted copy stays; a rebuild reports its file missing: %s", manifest,
                    e.getMessage());
        }
        return marked.facts();
    }
}
