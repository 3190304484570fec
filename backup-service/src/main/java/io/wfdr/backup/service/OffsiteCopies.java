package io.wfdr.backup.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.backup.api.CopyView;
import io.wfdr.backup.domain.BackupOperation;
import io.wfdr.backup.domain.BackupPolicy;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.OffsiteDestination;
import io.wfdr.backup.messaging.BackupCopied;
import io.wfdr.backup.messaging.BackupCopyFailed;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.offsite.BackupManifest;
import io.wfdr.backup.offsite.CopyResult;
import io.wfdr.backup.offsite.ManifestStore;
import io.wfdr.backup.offsite.OffsiteCopier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * After a backup: its file goes to every offsite destination of the policy, verified there, with a manifest next
 * to it; each copy is recorded, verified or failed, and published. Runs outside any transaction: a copy of a large
 * file takes long, and each result is recorded on its own.
 */
@ApplicationScoped
public class OffsiteCopies {

    private final EntityManager em;
    private final BackupEvents events;
    private final Clock clock;
    private final OffsiteCopier copier = new OffsiteCopier();
    private final ManifestStore manifests = new ManifestStore();

    OffsiteCopies(EntityManager em, BackupEvents events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    private record Job(BackupOperation operation, KnownDatabase database, String serverName, Path source,
            CatalogRecord backup, List<OffsiteDestination> destinations) {
    }

    public void copyAll(String operationId) {
        Job job = QuarkusTransaction.requiringNew().call(() -> job(operationId));
        if (job == null) {
            return;
        }
        for (OffsiteDestination destination : job.destinations()) {
            copyOne(job, destination);
        }
    }

    public List<CopyView> of(String operationId) {
        return em.createQuery("from OffsiteCopy where operationId = ?1 order by copiedAt", OffsiteCopy.class)
                .setParameter(1, operationId).getResultList().stream()
                .map(c -> new CopyView(c.hostId, c.path, c.bytes, c.sha256, c.verifiedAt, c.error)).toList();
    }

    private Job job(String operationId) {
        BackupOperation operation = em.find(BackupOperation.class, operationId);
        BackupPolicy policy = em.find(BackupPolicy.class, operation.databaseId);
        if (policy == null || policy.backupFolderMount == null || operation.fileName == null) {
            return null;
        }
        KnownDatabase database = em.find(KnownDatabase.class, operation.databaseId);
        KnownServer server = em.find(KnownServer.class, database.serverId);
        CatalogRecord backup = em.createQuery("from CatalogRecord where operationId = ?1 and type = ?2 "
                + "order by finishedAt desc", CatalogRecord.class)
                .setParameter(1, operationId).setParameter(2, operation.runType)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
        em.detach(operation);
        return new Job(operation, database, server == null ? null : server.currentName,
                Path.of(policy.backupFolderMount).resolve(operation.fileName), backup, List.copyOf(policy.destinations));
    }

    private void copyOne(Job job, OffsiteDestination destination) {
        Path target = Path.of(destination.path);
        try {
            CopyResult result = copier.copy(job.source(), target);
            if (job.backup() != null) {
                manifests.write(target, new BackupManifest(BackupManifest.VERSION, job.serverName(),
                        job.backup().entry(), List.of(new BackupManifest.ManifestFile(
                                job.operation().fileName, result.bytes(), result.sha256()))));
            }
            record(job, destination, result, null);
        } catch (Exception e) {
            record(job, destination, null, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private void record(Job job, OffsiteDestination destination, CopyResult result, String error) {
        String backupSetId = job.backup() == null ? null : job.backup().backupSetId;
        QuarkusTransaction.requiringNew().run(() -> {
            OffsiteCopy copy = new OffsiteCopy();
            copy.id = UUID.randomUUID().toString();
            copy.backupSetId = backupSetId;
            copy.operationId = job.operation().id;
            copy.databaseId = job.database().id;
            copy.hostId = destination.hostId;
            copy.path = result == null ? destination.path : result.destination().toString();
            copy.bytes = result == null ? 0 : result.bytes();
            copy.sha256 = result == null ? null : result.sha256();
            copy.verifiedAt = result == null ? null : clock.instant();
            copy.error = error;
            copy.copiedAt = clock.instant();
            em.persist(copy);
            Object event = result == null
                    ? new BackupCopyFailed(copy.operationId, copy.databaseId, backupSetId, copy.hostId,
                            destination.path, error)
                    : new BackupCopied(copy.operationId, copy.databaseId, backupSetId, copy.hostId, copy.path,
                            copy.bytes, copy.sha256);
            events.publish(job.database().id, job.database().name, event);
        });
    }
}
