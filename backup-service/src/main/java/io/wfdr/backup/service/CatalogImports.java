package io.wfdr.backup.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.backup.api.CatalogImportResult;
import io.wfdr.backup.api.RebuildRequest;
import io.wfdr.backup.domain.CatalogEntry;
import io.wfdr.backup.domain.CatalogRecord;
import io.wfdr.backup.domain.KnownDatabase;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.OffsiteCopy;
import io.wfdr.backup.offsite.BackupManifest;
import io.wfdr.backup.offsite.ManifestStore;
import io.wfdr.backup.offsite.OffsiteCopier;
import io.wfdr.backup.sqlserver.SqlServerFailure;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Fills the catalog from outside: msdb history that other tools wrote (or chains break), and the manifests at an
 * offsite destination, for the day the catalog's own database is gone. Files named by a manifest are hashed again
 * before they count.
 */
@ApplicationScoped
public class CatalogImports {

    private final EntityManager em;
    private final Connections connections;
    private final Clock clock;
    private final ManifestStore manifests = new ManifestStore();
    private final OffsiteCopier copier = new OffsiteCopier();

    CatalogImports(EntityManager em, Connections connections, Clock clock) {
        this.em = em;
        this.connections = connections;
        this.clock = clock;
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
        List<CatalogEntry> history;
        try {
            history = QuarkusTransaction.requiringNew().call(() -> connections.gatewayFor(databaseId))
                    .history(database.name, Duration.ofDays(days));
        } catch (SqlServerFailure failure) {
            throw new ConflictProblem("SQL Server refused the msdb query: " + failure.getMessage());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            int imported = 0;
            for (CatalogEntry entry : history) {
                imported += add(database.id, entry) ? 1 : 0;
            }
            return new CatalogImportResult(imported, history.size() - imported, 0, List.of());
        });
    }

    /** Rebuilds catalog entries and their copies from the manifests at a destination. */
    public CatalogImportResult fromDestination(RebuildRequest request) throws java.io.IOException {
        Path destination = Path.of(request.path());
        if (!destination.isAbsolute() || !Files.isDirectory(destination)) {
            throw new InvalidRequestProblem("The destination is not a directory here",
                    List.of(new Problem.FieldError("path", "is not an absolute path to a directory the service sees")));
        }
        ManifestStore.Read read = manifests.readAll(destination);
        List<String> problems = new ArrayList<>(read.unreadable());
        int imported = 0;
        int known = 0;
        int copies = 0;
        for (BackupManifest manifest : read.manifests()) {
            KnownDatabase database = QuarkusTransaction.requiringNew().call(() -> match(manifest));
            if (database == null) {
                problems.add(manifest.backup().backupSetId() + ": no known database " + manifest.backup().database()
                        + " on server " + manifest.sourceServer());
                continue;
            }
            String corrupt = corruptFile(destination, manifest);
            if (corrupt != null) {
                problems.add(manifest.backup().backupSetId() + ": " + corrupt);
                continue;
            }
            boolean added = QuarkusTransaction.requiringNew().call(() -> add(database.id, manifest.backup()));
            imported += added ? 1 : 0;
            known += added ? 0 : 1;
            copies += QuarkusTransaction.requiringNew().call(() -> recordCopies(database, manifest, destination,
                    request.hostId()));
        }
        return new CatalogImportResult(imported, known, copies, problems);
    }

    private String corruptFile(Path destination, BackupManifest manifest) throws java.io.IOException {
        for (BackupManifest.ManifestFile file : manifest.files()) {
            Path path = destination.resolve(file.name());
            if (!Files.exists(path)) {
                return file.name() + " is missing";
            }
            if (!copier.verify(path, file.sha256())) {
                return file.name() + " does not have the SHA-256 its manifest records; it is not counted";
            }
        }
        return null;
    }

    private KnownDatabase match(BackupManifest manifest) {
        return em.createQuery("from KnownDatabase where name = ?1", KnownDatabase.class)
                .setParameter(1, manifest.backup().database()).getResultList().stream()
                .filter(d -> {
                    KnownServer server = em.find(KnownServer.class, d.serverId);
                    return server != null && (server.name.equalsIgnoreCase(manifest.sourceServer())
                            || server.currentName.equalsIgnoreCase(manifest.sourceServer()));
                })
                .findFirst().orElse(null);
    }

    private boolean add(String databaseId, CatalogEntry entry) {
        if (em.find(CatalogRecord.class, entry.backupSetId().toUpperCase(Locale.ROOT)) != null) {
            return false;
        }
        em.persist(CatalogRecord.of(databaseId, entry, null));
        return true;
    }

    private int recordCopies(KnownDatabase database, BackupManifest manifest, Path destination, String hostId) {
        int recorded = 0;
        String backupSetId = manifest.backup().backupSetId().toUpperCase(Locale.ROOT);
        for (BackupManifest.ManifestFile file : manifest.files()) {
            String path = destination.resolve(file.name()).toString();
            long existing = em.createQuery("select count(c) from OffsiteCopy c where c.backupSetId = ?1 and c.path = ?2",
                    Long.class).setParameter(1, backupSetId).setParameter(2, path).getSingleResult();
            if (existing > 0) {
                continue;
            }
            OffsiteCopy copy = new OffsiteCopy();
            copy.id = UUID.randomUUID().toString();
            copy.backupSetId = backupSetId;
            copy.operationId = "rebuild";
            copy.databaseId = database.id;
            copy.hostId = hostId;
            copy.path = path;
            copy.bytes = file.bytes();
            copy.sha256 = file.sha256();
            copy.verifiedAt = clock.instant();
            copy.copiedAt = clock.instant();
            em.persist(copy);
            recorded++;
        }
        return recorded;
    }
}
