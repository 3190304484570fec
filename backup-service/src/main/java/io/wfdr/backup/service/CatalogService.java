package io.wfdr.backup.service;

import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.backup.domain.CatalogRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The backup catalog: what msdb recorded for every backup of every protected database. */
@ApplicationScoped
public class CatalogService {

    private final EntityManager em;

    CatalogService(EntityManager em) {
        this.em = em;
    }

    /** One page of a database's catalog, newest first, optionally of one backup type. */
    @Transactional
    public io.wfdr.spine.api.Page<BackupSet> page(String databaseId, io.wfdr.spine.contract.BackupType type,
            int page, int size) {
        String where = "databaseId = ?1 and expiredAt is null" + (type == null ? "" : " and type = ?2");
        var query = em.createQuery("from CatalogRecord where " + where + " order by finishedAt desc",
                CatalogRecord.class).setParameter(1, databaseId);
        var count = em.createQuery("select count(r) from CatalogRecord r where " + where, Long.class)
                .setParameter(1, databaseId);
        if (type != null) {
            query.setParameter(2, type);
            count.setParameter(2, type);
        }
        List<BackupSet> items = query.setFirstResult(page * size).setMaxResults(size).getResultList().stream()
                .map(CatalogRecord::entry).toList();
        return new io.wfdr.spine.api.Page<>(items, page, size, count.getSingleResult());
    }

    /** The backups of a database that still exist (retention has not expired them). */
    @Transactional
    public List<BackupSet> of(String databaseId) {
        return em.createQuery("from CatalogRecord where databaseId = ?1 and expiredAt is null order by finishedAt",
                        CatalogRecord.class)
                .setParameter(1, databaseId).getResultList().stream().map(CatalogRecord::entry).toList();
    }
}
