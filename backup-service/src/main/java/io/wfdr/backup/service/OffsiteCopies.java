package io.wfdr.backup.service;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.backup.api.CopyView;
import io.wfdr.backup.config.WorkConfig;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.OffsiteDestination;
import io.wfdr.backup.messaging.BackupCopied;
import io.wfdr.backup.messaging.BackupCopyFailed;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.OffsiteCopyFacts;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.spine.transfer.CopyResult;
import io.wfdr.spine.transfer.VerifiedCopier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * After a backup: its file goes to every offsite destination of the policy, verified there, with a manifest next
 * to it. Each copy is a row first (PENDING), then claimed by exactly one instance under a lease (COPYING), then
 * VERIFIED; a failed attempt is reported and tried again with a growing wait, and after the last attempt the copy
 * is ABANDONED and its partial file removed. Runs outside any transaction: a copy of a large file takes long.
 */
@ApplicationScoped
public class OffsiteCopies {

    private static final Logger LOG = Logger.getLogger(OffsiteCopies.class);

    private final EntityManager em;
    private final BackupEvents events;
    private final Clock clock;
    private final Instance instance;
    private final Leases leases;
    private final WorkConfig config;
    private final Destinations destinations;
    private final VerifiedCopier copier;
    private final ManifestStore manifests = new ManifestStore();

    OffsiteCopies(EntityManager em, BackupEvents events, Clock clock, Instance instance, Leases leases,
            WorkConfig config, Destinations destinations, VerifiedCopier copier) {
        this.em = em;
        this.events = events;
        this.clock = clock;
        this.instance = instance;
        this.leases = leases;
        this.config = config;
        this.destinations = destinations;
        this.copier = copier;
    }

    /** Plans a copy of the operation's backup file to each destination of the policy, then makes them. */
    public void copyAll(String operationId) {
        List<String> planned = QuarkusTransaction.requiringNew().call(() -> plan(operationId));
        planned.forEach(this::attempt);
    }

    public List<CopyView> of(String operationId) {
        return em.createQuery("from OffsiteCopy where operationId = ?1 order by copiedAt, id", OffsiteCopy.class)
                .setParameter(1, operationId).getResultList().stream()
                .map(c -> new CopyView(c.id, c.hostId, c.siteId, c.path, c.restorePath, c.bytes, c.sha256,
                        c.verifiedAt, c.state, c.attempts == null ? 0 : c.attempts, c.nextAttemptAt, c.error))
                .toList();
    }

    /** Copies whose next attempt is due, and claims another instance let lapse (it died while copying). */
    @Scheduled(every = "${wfdr.backup.copy-retry-interval:20s}", delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        List<String> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select c.id from OffsiteCopy c where (c.state = ?1 and c.nextAttemptAt <= ?2) "
                        + "or (c.state = ?3 and c.leaseUntil < ?2) order by c.copiedAt", String.class)
                .setParameter(1, CopyState.PENDING).setParameter(2, clock.instant())
                .setParameter(3, CopyState.COPYING).getResultList());
        due.forEach(this::attempt);
    }

    private List<String> plan(String operationId) {
        BackupOperation operation = em.find(BackupOperation.class, operationId);
        BackupPolicy policy = em.find(BackupPolicy.class, operation.databaseId);
        if (policy == null || policy.backupFolderMount == null || operation.fileName == null
                || operation.backupSetId == null) {
            return List.of();
        }
        long existing = em.createQuery("select count(c) from OffsiteCopy c where c.operationId = ?1", Long.class)
                .setParameter(1, operationId).getSingleResult();
        if (existing > 0) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        for (OffsiteDestination destination : policy.destinations) {
            OffsiteCopy copy = new OffsiteCopy();
            copy.id = UUID.randomUUID().toString();
            copy.backupSetId = operation.backupSetId;
            copy.operationId = operationId;
            copy.databaseId = operation.databaseId;
            copy.hostId = destination.hostId;
            copy.siteId = destinations.siteOf(destination.hostId);
            copy.stripe = 1;
            copy.sourcePath = Path.of(policy.backupFolderMount).resolve(operation.fileName).toString();
            copy.destinationPath = destination.path;
            copy.path = Path.of(destination.path).resolve(operation.fileName).toString();
            copy.restorePath = destination.restorePathOf(operation.fileName);
            copy.state = CopyState.PENDING;
            copy.attempts = 0;
            copy.nextAttemptAt = clock.instant();
            copy.copiedAt = clock.instant();
            em.persist(copy);
            ids.add(copy.id);
        }
        return ids;
    }

    /** One attempt at one copy, if this instance wins the claim on it. */
    void attempt(String copyId) {
        OffsiteCopy claimed = claim(copyId);
        if (claimed == null) {
            return;
        }
        leases.holdCopy(copyId);
        try {
            CopyResult result = copier.copy(Path.of(claimed.sourcePath), Path.of(claimed.destinationPath));
            BackupManifest described = QuarkusTransaction.requiringNew().call(() -> manifestOf(claimed, result));
            Path manifest = manifests.write(Path.of(claimed.destinationPath), described);
            QuarkusTransaction.requiringNew().run(() -> verified(copyId, result, manifest));
        } catch (io.wfdr.spine.transfer.CopyInProgress e) {
            LOG.infof("Offsite copy %s: %s; it is tried again later", copyId, e.getMessage());
            QuarkusTransaction.requiringNew().run(() -> heldElsewhere(copyId));
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warnf("Offsite copy %s to %s failed (attempt %d): %s", copyId, claimed.destinationPath,
                    claimed.attempts, reason);
            QuarkusTransaction.requiringNew().run(() -> failed(copyId, reason));
        } finally {
            leases.releaseCopy(copyId);
        }
    }

    private OffsiteCopy claim(String copyId) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
                Instant now = clock.instant();
                boolean due = copy != null && ((copy.state == CopyState.PENDING && !copy.nextAttemptAt.isAfter(now))
                        || (copy.state == CopyState.COPYING && copy.leaseUntil.isBefore(now)));
                if (!due) {
                    return null;
                }
                copy.state = CopyState.COPYING;
                copy.claimedBy = instance.id();
                copy.leaseUntil = leases.leaseUntil();
                copy.attempts = copy.attempts + 1;
                em.flush();
                em.detach(copy);
                return copy;
            });
        } catch (RuntimeException e) {
            if (!Races.lost(e)) {
                LOG.warnf("Cannot claim offsite copy %s now: %s", copyId, e.getMessage());
            }
            return null;
        }
    }

    /** Another copier holds the partial file: this attempt does not count, and the copy waits for the lease. */
    private void heldElsewhere(String copyId) {
        OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
        if (!mine(copy)) {
            return;
        }
        copy.attempts = copy.attempts - 1;
        copy.state = CopyState.PENDING;
        copy.claimedBy = null;
        copy.leaseUntil = null;
        copy.nextAttemptAt = clock.instant().plus(config.lease());
    }

    /** Only the instance holding the claim records what came of it; one whose lease lapsed stays silent. */
    private boolean mine(OffsiteCopy copy) {
        return copy != null && copy.state == CopyState.COPYING && instance.id().equals(copy.claimedBy);
    }

    private BackupManifest manifestOf(OffsiteCopy copy, CopyResult result) {
        CatalogRecord backup = em.find(CatalogRecord.class, copy.backupSetId);
        KnownDatabase database = em.find(KnownDatabase.class, copy.databaseId);
        KnownServer server = database == null ? null : em.find(KnownServer.class, database.serverId);
        return new BackupManifest(BackupManifest.VERSION, clock.instant(), server == null ? null : server.currentName,
                backup.entry(), List.of(new BackupManifest.ManifestFile(copy.stripe, result.destination()
                        .getFileName().toString(), result.bytes(), result.sha256())));
    }

    private void verified(String copyId, CopyResult result, Path manifest) {
        OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
        if (!mine(copy)) {
            LOG.warnf("Offsite copy %s was verified after this instance's claim lapsed; its new holder records it",
                    copyId);
            return;
        }
        copy.state = CopyState.VERIFIED;
        copy.bytes = result.bytes();
        copy.sha256 = result.sha256();
        copy.verifiedAt = clock.instant();
        copy.manifestPath = manifest.toString();
        copy.readBackDirect = result.readBackDirect();
        copy.error = null;
        copy.claimedBy = null;
        copy.leaseUntil = null;
        copy.nextAttemptAt = null;
        publish(copy, new BackupCopied(copy.operationId(), copy.databaseId, OffsiteCopyFacts.of(copy),
                result.readBackDirect()));
    }

    private void failed(String copyId, String reason) {
        OffsiteCopy copy = em.find(OffsiteCopy.class, copyId);
        if (!mine(copy)) {
            return;
        }
        copy.error = reason;
        copy.claimedBy = null;
        copy.leaseUntil = null;
        if (copy.attempts >= config.copyAttempts()) {
            copy.state = CopyState.ABANDONED;
            copy.nextAttemptAt = null;
            discardPartial(copy);
        } else {
            copy.state = CopyState.PENDING;
            copy.nextAttemptAt = clock.instant().plus(backoff(copy.attempts));
        }
        publish(copy, new BackupCopyFailed(copy.operationId(), copy.databaseId, OffsiteCopyFacts.of(copy),
                copy.attempts, copy.nextAttemptAt, reason));
    }

    Duration backoff(int attempts) {
        Duration wait = config.copyBackoff().multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(config.copyBackoffMax()) > 0 ? config.copyBackoffMax() : wait;
    }

    private void discardPartial(OffsiteCopy copy) {
        try {
            copier.discardPartial(Path.of(copy.destinationPath), Path.of(copy.path).getFileName().toString());
        } catch (Exception e) {
            LOG.warnf("The partial file of abandoned copy %s stays at %s: %s", copy.id, copy.destinationPath,
                    e.getMessage());
        }
    }

    private void publish(OffsiteCopy copy, Object event) {
        KnownDatabase database = em.find(KnownDatabase.class, copy.databaseId);
        events.publish(copy.databaseId, database == null ? copy.databaseId : database.name, event);
    }
}
