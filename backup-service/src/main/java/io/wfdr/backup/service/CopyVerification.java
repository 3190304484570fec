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
import io.wfdr.spine.transfer.VerifiedCopier;
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
    private final VerifiedCopier copier;

    CopyVerification(EntityManager em, BackupEvents events, Clock clock, VerifiedCopier copier) {
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

    /**
     * Reads one copy back and hashes it. Missing or changed: it no longer counts and is abandoned. Unreadable now
     * (a share not mounted, a timeout): it stops counting until a later pass reads it intact again.
     */
    private boolean verifyOne(String copyId) {
        OffsiteCopy copy = QuarkusTransaction.requiringNew().call(() -> em.find(OffsiteCopy.class, copyId));
        Outcome outcome;
        try {
            outcome = copier.verify(Path.of(copy.path), copy.sha256) ? Outcome.INTACT : Outcome.CHANGED;
        } catch (Exception e) {
            outcome = Outcome.UNREADABLE;
            copy.error = e.getMessage();
        }
        Outcome found = outcome;
        String why = switch (found) {
            case INTACT -> "SHA-256 matches";
            case CHANGED -> "missing, or its SHA-256 no longer matches " + copy.sha256;
            case UNREADABLE -> "cannot be read now: " + copy.error;
        };
        QuarkusTransaction.requiringNew().run(() -> record(copyId, found, why));
        return found == Outcome.INTACT;
    }

    private enum Outcome { INTACT, CHANGED, UNREADABLE }

    private void record(String copyId, Outcome outcome, String why) {
        OffsiteCopy current = em.find(OffsiteCopy.class, copyId);
        if (current == null || current.state != CopyState.VERIFIED) {
            return;
        }
        switch (outcome) {
            case INTACT -> {
                current.verifiedAt = clock.instant();
                current.error = null;
            }
            case CHANGED -> {
                current.verifiedAt = null;
                current.state = CopyState.ABANDONED;
                current.error = "no longer intact: " + why;
            }
            case UNREADABLE -> {
                current.verifiedAt = null;
                current.error = why;
            }
        }
        KnownDatabase database = em.find(KnownDatabase.class, current.databaseId);
        events.publish(current.databaseId, database == null ? current.databaseId : database.name,
                new BackupVerified(current.databaseId, OffsiteCopyFacts.of(current), outcome == Outcome.INTACT, why));
    }
}
