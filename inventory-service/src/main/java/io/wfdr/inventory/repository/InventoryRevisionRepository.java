package io.wfdr.inventory.repository;

import io.wfdr.inventory.domain.InventoryRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Reads the inventory's revision, and moves it once per write transaction. The move is the transaction's last
 * statement: registered after Hibernate joined the transaction, it runs after Hibernate's flush, so the revision
 * row is the last lock every writer takes and two writers cannot deadlock on it.
 */
@ApplicationScoped
public class InventoryRevisionRepository {

    private static final String ADVANCE = "update InventoryRevision set revision = revision + 1 where id = "
            + InventoryRevision.ID;

    private final EntityManager em;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry registry;

    InventoryRevisionRepository(EntityManager em, TransactionManager transactions,
            TransactionSynchronizationRegistry registry) {
        this.em = em;
        this.transactions = transactions;
        this.registry = registry;
    }

    public long current() {
        return em.find(InventoryRevision.class, InventoryRevision.ID).revision;
    }

    /** Called with every change; the current transaction, when it commits, moves the revision by one. */
    public void advanceWithThisTransaction() {
        if (registry.getResource(InventoryRevisionRepository.class) != null) {
            return;
        }
        registry.putResource(InventoryRevisionRepository.class, Boolean.TRUE);
        try {
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    em.createQuery(ADVANCE).executeUpdate();
                }

                @Override
                public void afterCompletion(int status) {
                    // nothing to undo: a rolled-back transaction never moved the revision
                }
            });
        } catch (jakarta.transaction.RollbackException | SystemException e) {
            throw new IllegalStateException("Cannot register the inventory revision with the transaction", e);
        }
    }
}
