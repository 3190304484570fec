package io.wfdr.backup.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.backup.api.CatalogImportResult;
import io.wfdr.backup.api.RebuildRequest;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.CopyState;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.domain.OffsiteDestination;
import io.wfdr.backup.domain.VerifyStatus;
import io.wfdr.backup.messaging.BackupCataloged;
import io.wfdr.backup.messaging.BackupCopied;
import io.wfdr.backup.messaging.BackupEvents;
import io.wfdr.backup.messaging.OffsiteCopyFacts;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Problem;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.transfer.VerifiedCopier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Fills the catalog from outside: msdb history that other tools wrote (or chains break), and the manifests at an
 * offsite destination, for the day the catalog's own database is gone. Files named by a manifest are read back and
 * hashed before they count. Every backup set added is published, as the catalog's own are.
 */
@ApplicationScoped
public class CatalogImports {

    private final EntityManager em;
    private final Connections connections;
    private final Clock clock;
    private final BackupEvents events;
    private final Destinations destinations;
    private final VerifiedCopier copier;
    private final ManifestStore manifests = new ManifestStore();

    CatalogImports(EntityManager em, Connections connections, Clock clock, BackupEvents events,
            Destinations destinations, VerifiedCopier copier) {
        this.em = em;
        this.connections = connections;
        this.clock = clock;
        this.events = events;
        this.destinations = destinations;
        this.copier = copier;
    }

    /** Imports what msdb recorded for the database over the last {@code days}. */
    public CatalogImportResult fromMsdb(String databaseId, int days) {
        KnownDatabase database = QuarkusTransaction.requiringNew().call(() -> {
            KnownDatabase found = em.find(KnownDatabase.class, databaseId);
            if (found == null) {
                throw new NotFoundProblem("Database", databaseId);
            }
            connections.requireSettings(found);
            return found;
        });
        List<BackupSet> history;
        try {
            history = QuarkusTransaction.requiringNew().call(() -> connections.gatewayFor(databaseId))
                    .history(database.name, Duration.ofDays(days));
        } catch (SqlServerFailure failure) {
            throw new ConflictProblem("SQL Server refused the msdb query: " + failure.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int imported = 0;
            for (BackupSet entry : history) {
                imported += add(database, entry, "MSDB_IMPORT") ? 1 : 0;
            }
            return new CatalogImportResult(imported, history.size() - imported, 0, List.of());
        });
    }

    /** Rebuilds catalog entries and their copies from the manifests at a destination. */
    public CatalogImportResult fromDestination(RebuildRequest request) throws IOException {
        Path destination = Path.of(request.path());
        if (!destination.isAbsolute() || !Files.isDirectory(destination)) {
            throw new InvalidRequestProblem("The destination is not a directory here",
                    List.of(new Problem.FieldError("path", "is not an absolute path to a directory the service sees")));
        }
        if (QuarkusTransaction.requiringNew().call(() -> destinations.siteOf(request.hostId())) == null) {
            throw new InvalidRequestProblem("The destination's machine is not in the inventory",
                    List.of(new Problem.FieldError("hostId", "the inventory has no machine with this id")));
        }
        ManifestStore.Read read = manifests.readAll(destination);
        List<String> problems = new ArrayList<>(read.unreadable());
        int imported = 0;
        int known = 0;
        int copies = 0;
        for (BackupManifest manifest : read.manifests()) {
            KnownDatabase database = QuarkusTransaction.requiringNew().call(() -> match(manifest));
            if (database == null) {
                problems.add(manifest.backup().backupSetUuid() + ": no known database "
                        + manifest.backup().databaseName() + " on server " + manifest.sourceServer());
                continue;
            }
            String corrupt = manifests.problemWith(destination, manifest, copier::sha256OnStorage);
            if (corrupt != null) {
                problems.add(manifest.backup().backupSetUuid() + ": " + corrupt);
                continue;
            }
            boolean added = QuarkusTransaction.requiringNew().call(() -> add(database, manifest.backup(),
                    "DESTINATION_REBUILD"));
            imported += added ? 1 : 0;
            known += added ? 0 : 1;
            copies += QuarkusTransaction.requiringNew().call(() -> recordCopies(database, manifest, destination,
                    request));
        }
        return new CatalogImportResult(imported, known, copies, problems);
    }

    private KnownDatabase match(BackupManifest manifest) {
        String databaseId = manifest.backup().source() == null ? null : manifest.backup().source().databaseId();
        KnownDatabase byId = databaseId == null ? null : em.find(KnownDatabase.class, databaseId);
        if (byId != null) {
            return byId;
        }
        return em.createQuery("from KnownDatabase where name = ?1", KnownDatabase.class)
                .setParameter(1, manifest.backup().databaseName()).getResultList().stream()
                .filter(d -> {
                    KnownServer server = em.find(KnownServer.class, d.serverId);
                    return server != null && (server.name.equalsIgnoreCase(manifest.sourceServer())
                            || server.currentName.equalsIgnoreCase(manifest.sourceServer()));
                })
                .findFirst().orElse(null);
    }

    private boolean add(KnownDatabase database, BackupSet entry, String origin) {
        if (em.find(CatalogRecord.class, entry.backupSetUuid()) != null) {
            return false;
        }
        BackupSet tied = entry.withInventory(database.id, database.serverId, database.environmentId);
        em.persist(CatalogRecord.of(database.id, tied, null));
        events.publish(database.id, database.name, new BackupCataloged(database.id, null, origin,
                VerifyStatus.NOT_RUN.name(), false, tied));
        return true;
    }

    private int recordCopies(KnownDatabase database, BackupManifest manifest, Path destination,
            RebuildRequest request) {
        int recorded = 0;
        OffsiteDestination where = new OffsiteDestination(request.path(), request.hostId(), request.sqlServerPath());
        for (BackupManifest.ManifestFile file : manifest.files()) {
            String path = destination.resolve(file.name()).toString();
            long existing = em.createQuery("select count(c) from OffsiteCopy c where c.backupSetId = ?1 and c.path = ?2",
                    Long.class).setParameter(1, manifest.backup().backupSetUuid()).setParameter(2, path)
                    .getSingleResult();
            if (existing > 0) {
                continue;
            }
            OffsiteCopy copy = new OffsiteCopy();
            copy.id = UUID.randomUUID().toString();
            copy.backupSetId = manifest.backup().backupSetUuid();
            copy.operationId = OffsiteCopy.REBUILT;
            copy.databaseId = database.id;
            copy.hostId = request.hostId();
            copy.siteId = destinations.siteOf(request.hostId());
            copy.stripe = file.stripe();
            copy.path = path;
            copy.destinationPath = request.path();
            copy.restorePath = where.restorePathOf(file.name());
            copy.manifestPath = path + ManifestStore.SUFFIX;
            copy.bytes = file.bytes();
            copy.sha256 = file.sha256();
            copy.state = CopyState.VERIFIED;
            copy.attempts = 0;
            copy.verifiedAt = clock.instant();
            copy.copiedAt = clock.instant();
            em.persist(copy);
            events.publish(database.id, database.name, new BackupCopied(null, database.id, OffsiteCopyFacts.of(copy),
                    null));
            recorded++;
        }
        return recorded;
    }
}
