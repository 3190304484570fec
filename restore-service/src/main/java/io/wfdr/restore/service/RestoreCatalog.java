package io.wfdr.restore.service;

import java.time.Clock;
import java.util.List;

import io.wfdr.restore.config.PlanningConfig;
import io.wfdr.restore.domain.BackupHistory;
import io.wfdr.restore.domain.CatalogRevision;
import io.wfdr.restore.domain.KnownBackupSet;
import io.wfdr.restore.domain.KnownCopy;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The restore service's own catalog of backup sets and their copies, learned from events and from destinations'
 * manifests, and the {@link BackupHistory} of a database that every plan starts from. A set learned twice is kept
 * once (the newer word on expiry wins); a copy keeps its latest state.
 */
@ApplicationScoped
public class RestoreCatalog {

    private final EntityManager em;
    private final Clock clock;
    /** Histories read before, with the catalog state they were read at: reread only when it moved. */
    private final HistoryCache histories;

    /** A database's history and the catalog state it was read at. */
    public record Snapshot(String fingerprint, BackupHistory history) {
    }

    RestoreCatalog(EntityManager em, Clock clock, PlanningConfig config) {
        this.em = em;
        this.clock = clock;
        this.histories = new HistoryCache(config.cachedBackupSets());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learn(String databaseId, BackupSet set, String origin, boolean expired) {
        KnownBackupSet known = em.find(KnownBackupSet.class, set.backupSetUuid());
        boolean isNew = known == null;
        if (isNew) {
            known = new KnownBackupSet();
        }
        known.take(databaseId, set, origin, expired || (!isNew && known.expired), clock.instant());
        if (isNew) {
            em.persist(known);
        }
        moved(databaseId);
        return isNew;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void learnCopy(String databaseId, KnownCopy copy, KnownCopy.State state) {
        KnownCopy known = em.find(KnownCopy.class, copy.copyId);
        copy.databaseId = databaseId;
        copy.state = known != null && known.state == KnownCopy.State.DELETED ? KnownCopy.State.DELETED : state;
        copy.updatedAt = clock.instant();
        if (known == null) {
            em.persist(copy);
        } else {
            em.merge(copy);
        }
        moved(databaseId);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(String backupSetUuid) {
        KnownBackupSet known = em.find(KnownBackupSet.class, backupSetUuid.toUpperCase(java.util.Locale.ROOT));
        if (known != null) {
            known.expired = true;
            known.updatedAt = clock.instant();
            moved(known.databaseId);
        }
    }

    /** Moves the database's catalog revision in the caller's transaction (an atomic increment, or the first row). */
    private void moved(String databaseId) {
        int updated = em.createQuery("update CatalogRevision set revision = revision + 1 where databaseId = ?1")
                .setParameter(1, databaseId).executeUpdate();
        if (updated == 0) {
            CatalogRevision first = new CatalogRevision();
            first.databaseId = databaseId;
            first.revision = 1;
            em.persist(first);
            em.flush();
        }
    }

    /** The state of a database's catalog (its revision): a plan made from another state is stale. */
    @Transactional
    public String fingerprint(String databaseId) {
        CatalogRevision revision = em.find(CatalogRevision.class, databaseId);
        return "r" + (revision == null ? 0 : revision.revision);
    }

    /**
     * What a restore of the database can choose from: its unexpired sets and their verified copies. A year of
     * 15-minute logs is some 40,000 sets: the history is kept while the catalog's state (its fingerprint) stays, within
     * the cache's budget of sets.
     */
    @Transactional
    public BackupHistory history(String databaseId) {
        return snapshot(databaseId).history();
    }

    @Transactional
    public Snapshot snapshot(String databaseId) {
        if (em.find(KnownDatabase.class, databaseId) == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        String fingerprint = fingerprint(databaseId);
        BackupHistory cached = histories.get(databaseId, fingerprint);
        if (cached != null) {
            return new Snapshot(fingerprint, cached);
        }
        BackupHistory read = read(databaseId);
        histories.put(databaseId, fingerprint, read);
        return new Snapshot(fingerprint, read);
    }

    private BackupHistory read(String databaseId) {
        List<BackupSet> sets = em.createQuery("from KnownBackupSet where databaseId = ?1 and expired = false "
                + "order by finishedAt", KnownBackupSet.class).setParameter(1, databaseId).getResultList().stream()
                .map(KnownBackupSet::set).toList();
        List<io.wfdr.restore.domain.CopyLocation> copies = em.createQuery("from KnownCopy where databaseId = ?1 "
                + "and state = ?2", KnownCopy.class).setParameter(1, databaseId)
                .setParameter(2, KnownCopy.State.VERIFIED).getResultList().stream().map(KnownCopy::location).toList();
        return BackupHistory.of(sets, copies);
    }
}
