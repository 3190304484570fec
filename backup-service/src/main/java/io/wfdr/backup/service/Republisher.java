package io.wfdr.backup.service;

import java.time.Clock;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.RepublishRequest;
import io.wfdr.backup.domain.VerifyStatus;
import io.wfdr.backup.messaging.BackupCataloged;
import io.wfdr.backup.messaging.BackupCopied;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.CatalogRepublished;
import io.wfdr.backup.messaging.OffsiteCopyFacts;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.jboss.logging.Logger;

/**
 * Sends the catalog again: every backup set as {@code wfdr.backup.cataloged.v1} (origin REPUBLISH, expired ones
 * marked) followed by its verified copies as {@code wfdr.backup.copied.v1}, so a consumer reading from there on
 * has the whole catalog. A request is stored first and worked off in batches, each in its own transaction with the
 * cursor it reached, so a restart resumes it instead of leaving it half-done.
 */
@ApplicationScoped
public class Republisher {

    private static final Logger LOG = Logger.getLogger(Republisher.class);
    static final int BATCH = 200;

    private final EntityManager em;
    private final BackupEvents events;
    private final Clock clock;
    private final OperationRunner runner;
    private final TransactionSynchronizationRegistry transactions;

    Republisher(EntityManager em, BackupEvents events, Clock clock, OperationRunner runner,
            TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.runner = runner;
    }

    /** Stores the request in the caller's transaction (the inbox's, for a command) and starts it after commit. */
    public RepublishRequest request(String id, String databaseId, String requestedBy, String reason) {
        if (databaseId != null && em.find(KnownDatabase.class, databaseId) == null) {
            throw new NotFoundProblem("Database", databaseId);
        }
        RepublishRequest existing = em.find(RepublishRequest.class, id);
        if (existing != null) {
            return existing;
        }
        RepublishRequest request = new RepublishRequest();
        request.id = id;
        request.databaseId = databaseId;
        request.requestedBy = requestedBy;
        request.reason = reason;
        request.state = RepublishRequest.State.PENDING;
        request.requestedAt = clock.instant();
        em.persist(request);
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            public void beforeCompletion() {
            }

            public void afterCompletion(int status) {
                if (status == jakarta.transaction.Status.STATUS_COMMITTED) {
                    runner.submit(() -> workOff(id));
                }
            }
        });
        return request;
    }

    /** A request made through the REST API. */
    @jakarta.transaction.Transactional
    public RepublishRequest requestNow(String databaseId, String reason) {
        return request(java.util.UUID.randomUUID().toString(), databaseId, "REST API", reason);
    }

    /** A request to send the catalog again, as it stands: PENDING while it is worked off, then DONE. */
    @jakarta.transaction.Transactional
    public RepublishRequest find(String id) {
        RepublishRequest request = em.find(RepublishRequest.class, id);
        if (request == null) {
            throw new NotFoundProblem("Republish request", id);
        }
        return request;
    }

    /** Requests a restart interrupted, and any whose start was lost. */
    @Scheduled(every = "${wfdr.backup.republish-interval:30s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumePending() {
        QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select r.id from RepublishRequest r where r.state = ?1 order by r.requestedAt", String.class)
                .setParameter(1, RepublishRequest.State.PENDING).getResultList()).forEach(this::workOff);
    }

    synchronized void workOff(String requestId) {
        try {
            while (QuarkusTransaction.requiringNew().call(() -> nextBatch(requestId))) {
                // one batch per transaction, the cursor saved with it
            }
        } catch (RuntimeException e) {
            LOG.warnf("Republishing %s stopped and resumes later: %s", requestId, e.getMessage());
        }
    }

    private boolean nextBatch(String requestId) {
        RepublishRequest request = em.find(RepublishRequest.class, requestId);
        if (request == null || request.state != RepublishRequest.State.PENDING) {
            return false;
        }
        String where = (request.databaseId == null ? "1 = 1" : "r.databaseId = :database")
                + (request.afterBackupSet == null ? "" : " and r.backupSetId > :after");
        var query = em.createQuery("from CatalogRecord r where " + where + " order by r.backupSetId",
                CatalogRecord.class);
        if (request.databaseId != null) {
            query.setParameter("database", request.databaseId);
        }
        if (request.afterBackupSet != null) {
            query.setParameter("after", request.afterBackupSet);
        }
        List<CatalogRecord> batch = query.setMaxResults(BATCH).getResultList();
        for (CatalogRecord record : batch) {
            send(record);
        }
        request.sent += batch.size();
        if (batch.size() < BATCH) {
            request.state = RepublishRequest.State.DONE;
            request.finishedAt = clock.instant();
            events.publish(request.databaseId == null ? "catalog" : request.databaseId, "catalog/republish",
                    new CatalogRepublished(request.id, request.databaseId, request.sent, request.requestedAt,
                            request.finishedAt));
            return false;
        }
        request.afterBackupSet = batch.get(batch.size() - 1).backupSetId;
        return true;
    }

    private void send(CatalogRecord record) {
        BackupOperation operation = record.operationId == null ? null
                : em.find(BackupOperation.class, record.operationId);
        String verify = operation == null || operation.verifyStatus == null ? VerifyStatus.NOT_RUN.name()
                : operation.verifyStatus;
        events.publish(record.databaseId, record.databaseName, new BackupCataloged(record.databaseId,
                record.operationId, "REPUBLISH", verify, record.expiredAt != null, record.entry()));
        for (OffsiteCopy copy : em.createQuery("from OffsiteCopy where backupSetId = ?1 and state = ?2 order by id",
                OffsiteCopy.class).setParameter(1, record.backupSetId).setParameter(2, CopyState.VERIFIED)
                .getResultList()) {
            events.publish(record.databaseId, record.databaseName, new BackupCopied(copy.operationId(),
                    copy.databaseId, OffsiteCopyFacts.of(copy), copy.readBackDirect));
        }
    }
}
