package io.wfdr.backup.service;

import java.util.List;

import io.wfdr.backup.domain.CatalogEntry;
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

    /** The backups of a database that still exist (retention has not expired them). */
    @Transactional
    public List<CatalogEntry> of(String databaseId) {
        return em.createQuery("from CatalogRecord where databaseId = ?1 and expiredAt is null order by finishedAt",
                        CatalogRecord.class)
                .setParameter(1, databaseId).getResultList().stream().map(CatalogRecord::entry).toList();
    }
}
