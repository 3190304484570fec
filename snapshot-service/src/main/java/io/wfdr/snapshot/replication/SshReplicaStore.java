package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * The DR VM host's datastore reached over SSH (Apache MINA SSHD): bytes over SFTP, and every hash of what the DR
 * host stored computed there, by its own coreutils, never trusted from the sender. Each call is one connection.
 */
public final class SshReplicaStore implements ReplicaStore {

    private final SshReplicaTarget target;
    private final SshDrHost host;
    private final QemuImg qemu;

    /**
     * @param connectTimeout how long a connect or a logon may take
     * @param commandTimeout how long one command at the DR end may take (hashing a whole full image among them)
     * @param qemuImg the DR host's qemu-img program
     */
    public SshReplicaStore(SshReplicaTarget target, SecretResolver secrets, Duration connectTimeout,
            Duration commandTimeout, String qemuImg) {
        this.target = target;
        this.host = new SshDrHost(target, secrets, connectTimeout, commandTimeout);
        this.qemu = new QemuImg(qemuImg, commandTimeout, new SshHostShell(host));
    }

    @Override
    public Shipment ship(Path source, String name) throws IOException {
        ReplicaNames.file(name);
        try (DrHostSession dr = host.open()) {
            return new RemoteShipment(dr, target).ship(source, name);
        }
    }

    @Override
    public Optional<StoredReplica> stored(String name) throws IOException {
        String replica = target.path(ReplicaNames.file(name));
        try (DrHostSession dr = host.open()) {
            if (dr.size(replica).isEmpty()) {
                return Optional.empty();
            }
            DrEndCommands.SizeAndHash stored = DrEndCommands.parseSizeAndSha256(
                    dr.run(DrEndCommands.sizeAndSha256(replica)), replica);
            return Optional.of(new StoredReplica(stored.bytes(), stored.sha256()));
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
    public void deleteManifest(String snapshotId) throws IOException {
        String manifest = target.path(ManifestFiles.nameOf(ReplicaNames.snapshotId(snapshotId)));
        try (DrHostSession dr = host.open()) {
            dr.run(DrEndCommands.remove(target.folder(), manifest));
        }
    }

    @Override
    public QemuImg qemuImg() {
        return qemu;
    }

    @Override
    public String folderOnHost() {
        return target.folder();
    }

    @Override
    public boolean exists(String path) throws IOException {
        try (DrHostSession dr = host.open()) {
            return dr.size(ReplicaNames.absolutePath(path)).isPresent();
        }
    }

    @Override
    public void writeDisk(String name, String disk) throws IOException {
        String replica = target.path(ReplicaNames.file(name));
        String folder = ReplicaNames.folderOf(disk);
        String partial = disk + VerifiedCopier.PARTIAL;
        try (DrHostSession dr = host.open()) {
            if (dr.size(disk).isPresent()) {
                throw new FileAlreadyExistsException(disk, null, "a file already has the disk's name at "
                        + target.host() + "; it is left alone");
            }
            dr.run(DrEndCommands.makeFolder(folder) + " && " + DrEndCommands.remove(folder, partial));
            dr.run(qemu.convertCommand(replica, Path.of(partial)).display());
            // libvirt on the DR host gives the disk to QEMU's user when the VM starts (dynamic ownership)
            dr.run(DrEndCommands.sync(partial) + " && " + DrEndCommands.rename(partial, disk, folder));
        }
    }

    @Override
    public void setAside(String disk, String asideName) throws IOException {
        String folder = ReplicaNames.folderOf(disk);
        String aside = folder + "/" + ReplicaNames.file(asideName);
        try (DrHostSession dr = host.open()) {
            dr.run(DrEndCommands.rename(disk, aside, folder));
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
