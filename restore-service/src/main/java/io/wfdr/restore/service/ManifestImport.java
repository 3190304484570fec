package io.wfdr.restore.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.restore.api.ImportRequest;
import io.wfdr.restore.api.ImportResult;
import io.wfdr.restore.domain.KnownCopy;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.spine.contract.BackupManifest;
import io.wfdr.spine.contract.FileHash;
import io.wfdr.spine.contract.ManifestStore;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Loads the catalog straight from a destination's manifests (the spine's versioned contract), without the backup
 * service: each file a manifest names must exist with the manifest's size, and on request its SHA-256. A manifest
 * whose database the inventory does not know, or whose file is missing or different, is listed, not counted.
 */
@ApplicationScoped
public class ManifestImport {

    private final EntityManager em;
    private final RestoreCatalog catalog;
    private final Clock clock;
    private final ManifestStore manifests = new ManifestStore();

    ManifestImport(EntityManager em, RestoreCatalog catalog, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.clock = clock;
    }

    public ImportResult fromDestination(ImportRequest request) throws IOException {
        Path folder = Path.of(request.path());
        if (!folder.isAbsolute() || !Files.isDirectory(folder)) {
            throw new InvalidRequestProblem("The destination is not a folder this service sees",
                    List.of(new Problem.FieldError("path", "is not an absolute path to a directory")));
        }
        ManifestStore.Read read = manifests.readAll(folder);
        List<String> problems = new ArrayList<>(read.unreadable());
        int imported = 0;
        int known = 0;
        int copies = 0;
        for (BackupManifest manifest : read.manifests()) {
            String databaseId = QuarkusTransaction.requiringNew().call(() -> databaseOf(manifest));
            String wrong = databaseId == null ? "no known database " + manifest.backup().databaseName()
                    + " of server " + manifest.sourceServer()
                    : manifests.problemWith(folder, manifest, request.verifySha256() ? FileHash::sha256 : null);
            if (wrong != null) {
                problems.add(manifest.backup().backupSetUuid() + ": " + wrong);
                continue;
            }
            boolean added = QuarkusTransaction.requiringNew().call(() -> catalog.learn(databaseId, manifest.backup(),
                    "MANIFEST", false));
            imported += added ? 1 : 0;
            known += added ? 0 : 1;
            for (BackupManifest.ManifestFile file : manifest.files()) {
                QuarkusTransaction.requiringNew().run(() -> catalog.learnCopy(databaseId,
                        copyOf(request, folder, manifest, file), KnownCopy.State.VERIFIED));
                copies++;
            }
        }
        return new ImportResult(imported, known, copies, problems);
    }

    /** By the inventory id the manifest carries, else by database name on the server it names. */
    private String databaseOf(BackupManifest manifest) {
        var source = manifest.backup().source();
        if (source != null && source.databaseId() != null && em.find(KnownDatabase.class, source.databaseId()) != null) {
            return source.databaseId();
        }
        return em.createQuery("from KnownDatabase where name = ?1", KnownDatabase.class)
                .setParameter(1, manifest.backup().databaseName()).getResultList().stream()
                .filter(d -> {
                    KnownServer server = em.find(KnownServer.class, d.serverId);
                    return server != null && (server.name.equalsIgnoreCase(manifest.sourceServer())
                            || server.currentName.equalsIgnoreCase(manifest.sourceServer()));
                })
                .map(d -> d.id).findFirst().orElse(null);
    }

    private KnownCopy copyOf(ImportRequest request, Path folder, BackupManifest manifest,
            BackupManifest.ManifestFile file) {
        KnownCopy copy = new KnownCopy();
        String path = folder.resolve(file.name()).toString();
        copy.copyId = java.util.UUID.nameUUIDFromBytes((manifest.backup().backupSetUuid() + "|" + path)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
        copy.backupSetUuid = manifest.backup().backupSetUuid().toUpperCase(Locale.ROOT);
        copy.stripe = file.stripe();
        copy.hostId = request.hostId();
        copy.siteId = request.siteId();
        copy.path = path;
        copy.restorePath = restorePath(request.sqlServerPath() == null ? request.path() : request.sqlServerPath(),
                file.name());
        copy.manifestPath = path + ManifestStore.SUFFIX;
        copy.sha256 = file.sha256();
        copy.bytes = file.bytes();
        copy.updatedAt = clock.instant();
        return copy;
    }

    private static String restorePath(String folder, String name) {
        String separator = folder.startsWith("/") ? "/" : folder.contains("\\") ? "\\" : "/";
        return folder.endsWith(separator) ? folder + name : folder + separator + name;
    }
}
