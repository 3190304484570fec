package io.wfdr.backup.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.messaging.OffsiteCopyFacts;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.BackupVerified;
import io.wfdr.backup.offsite.OffsiteCopier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Re-reads every verified copy and checks its SHA-256 again, daily and on demand: bytes rot, shares get swapped.
 * A copy that fails loses its verification, so RPO and retention stop counting on it.
 */
@ApplicationScoped
public class CopyVerification {

    private final EntityManager em;
    private final BackupEvents events;
    private final Clock clock;
    private final OffsiteCopier copier;

    CopyVerification(EntityManager em, BackupEvents events, Clock clock, OffsiteCopier copier) {
        this.copier = copier;
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    @Scheduled(every = "${wfdr.backup.copy-verification-interval:24h}", delayed = "30m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void verifyAllDaily() {
        verify(null);
    }

    /** Verifies the copies of one database (or of all, for null); returns how many are no longer intact. */
    public int verify(String databaseId) {
        List<String> ids = QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createQuery("select c.id from OffsiteCopy c where c.state = :verified"
                    + (databaseId == null ? "" : " and c.databaseId = :db"), String.class)
                    .setParameter("verified", CopyState.VERIFIED);
            if (databaseId != null) {
                query.setParameter("db", databaseId);
            }
            return query.getResultList();
        });
        int broken = 0;
        for (String id : ids) {
            broken += verifyOne(id) ? 0 : 1;
        }
        return broken;
    }

    private boolean verifyOne(String copyId) {
        OffsiteCopy copy = QuarkusTransaction.requiringNew().call(() -> em.find(OffsiteCopy.class, copyId));
        String detail;
        boolean intact;
        try {
            intact = copier.verify(Path.of(copy.path), copy.sha256);
            detail = intact ? "SHA-256 matches" : "missing, or its SHA-256 no longer matches " + copy.sha256;
        } catch (Exception e) {
            intact = false;
            detail = "cannot be read: " + e.getMessage();
        }
        boolean ok = intact;
        String why = detail;
        QuarkusTransaction.requiringNew().run(() -> {
            OffsiteCopy current = em.find(OffsiteCopy.class, copyId);
            if (ok) {
                current.verifiedAt = clock.instant();
            } else {
                current.verifiedAt = null;
                current.state = CopyState.ABANDONED;
                current.error = "no longer intact: " + why;
            }
            KnownDatabase database = em.find(KnownDatabase.class, current.databaseId);
            events.publish(current.databaseId, database == null ? current.databaseId : database.name,
                    new BackupVerified(current.databaseId, OffsiteCopyFacts.of(current), ok, why));
        });
        return intact;
    }
}
