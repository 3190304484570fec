package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * The DR VM host's datastore reached over SSH (Apache MINA SSHD): bytes over SFTP, and every hash of what the DR
 * host stored computed there, by its own coreutils, never trusted from the sender. Each call is one connection.
 */
public final class SshReplicaStore implements ReplicaStore {

    private final SshReplicaTarget target;
    private final SshDrHost host;

    /**
     * @param connectTimeout how long a connect or a logon may take
     * @param commandTimeout how long one command at the DR end may take (hashing a whole full image among them)
     */
    public SshReplicaStore(SshReplicaTarget target, SecretResolver secrets, Duration connectTimeout,
            Duration commandTimeout) {
        this.target = target;
        this.host = new SshDrHost(target, secrets, connectTimeout, commandTimeout);
    }

    @Override
    public Shipment ship(Path source, String name) throws IOException {
        ReplicaNames.file(name);
        try (DrHostSession dr = host.open()) {
            return new RemoteShipment(dr, target).ship(source, name);
        }
    }

    @Override
    public String sha256(String name) throws IOException {
        String replica = target.path(ReplicaNames.file(name));
        try (DrHostSession dr = host.open()) {
            if (dr.size(replica).isEmpty()) {
                throw new NoSuchFileException(replica, null, "no such replica at " + describe());
            }
            return DrEndCommands.parseSizeAndSha256(dr.run(DrEndCommands.sizeAndSha256(replica)), replica).sha256();
        }
    }

    @Override
    public void writeManifest(SnapshotManifest manifest) throws IOException {
        String id = ReplicaNames.snapshotId(manifest.snapshotId());
        ReplicaNames.file(manifest.file());
        String temporary = target.path(ManifestFiles.temporaryNameOf(id));
        try (DrHostSession dr = host.open()) {
            dr.run(DrEndCommands.makeFolder(target.folder()));
            dr.write(temporary, ManifestFiles.json(manifest).getBytes(StandardCharsets.UTF_8));
            dr.run(DrEndCommands.replace(temporary, target.path(ManifestFiles.nameOf(id)), target.folder()));
        }
    }

    @Override
    public Optional<SnapshotManifest> manifest(String snapshotId) throws IOException {
        String path = target.path(ManifestFiles.nameOf(ReplicaNames.snapshotId(snapshotId)));
        try (DrHostSession dr = host.open()) {
            return dr.readText(path).map(ManifestFiles::parse);
        }
    }

    @Override
    public List<SnapshotManifest> manifests() throws IOException {
        try (DrHostSession dr = host.open()) {
            List<SnapshotManifest> manifests = new ArrayList<>();
            for (String name : dr.list(target.folder()).stream().filter(ManifestFiles::isManifest).sorted().toList()) {
                dr.readText(target.path(name)).map(ManifestFiles::parse).ifPresent(manifests::add);
            }
            return manifests;
        }
    }

    @Override
    public void delete(String name) throws IOException {
        String replica = target.path(ReplicaNames.file(name));
        try (DrHostSession dr = host.open()) {
            dr.run(DrEndCommands.remove(target.folder(), replica, replica + VerifiedCopier.PARTIAL));
        }
    }

    @Override
    public String pathOnHost(String name) {
        return target.path(ReplicaNames.file(name));
    }

    @Override
    public String describe() {
        return "the DR datastore " + target.display();
    }

    @Override
    public void close() throws IOException {
        host.close();
    }
}
