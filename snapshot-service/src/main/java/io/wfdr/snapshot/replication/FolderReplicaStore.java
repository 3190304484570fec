package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.contract.Durable;
import io.wfdr.spine.transfer.CopyResult;
import io.wfdr.spine.transfer.VerifiedCopier;

/**
 * The DR host's datastore mounted here as a folder: the spine's verified copier writes and reads it back, and this
 * machine's qemu-img reads the replicas and writes disks from them (given to the user QEMU runs as).
 */
public final class FolderReplicaStore implements ReplicaStore {

    private final FolderDatastore datastore;
    private final VerifiedCopier copier;
    private final QemuImg qemu;
    private final WorkFolders folders;

    public FolderReplicaStore(Path folder, VerifiedCopier copier, QemuImg qemu, WorkFolders folders) {
        this.datastore = new FolderDatastore(folder);
        this.copier = copier;
        this.qemu = qemu;
        this.folders = folders;
    }

    /** The folder as the checks of a replicated chain read it. */
    public FolderDatastore datastore() {
        return datastore;
    }

    @Override
    public Shipment ship(Path source, String name) throws IOException {
        CopyResult copied = copier.copy(source, datastore.folder(), ReplicaNames.file(name));
        return new Shipment(name, copied.bytes(), copied.bytes() - copied.resumedFrom(), copied.resumedFrom(),
                copied.sha256());
    }

    @Override
    public Optional<StoredReplica> stored(String name) throws IOException {
        Path replica = datastore.folder().resolve(ReplicaNames.file(name));
        if (!Files.isRegularFile(replica)) {
            return Optional.empty();
        }
        return Optional.of(new StoredReplica(Files.size(replica), copier.sha256OnStorage(replica)));
    }

    @Override
    public void writeManifest(SnapshotManifest manifest) throws IOException {
        ReplicaNames.snapshotId(manifest.snapshotId());
        ReplicaNames.file(manifest.file());
        datastore.write(manifest);
    }

    @Override
    public Optional<SnapshotManifest> manifest(String snapshotId) throws IOException {
        return datastore.read(ReplicaNames.snapshotId(snapshotId));
    }

    @Override
    public List<SnapshotManifest> manifests() throws IOException {
        return datastore.list();
    }

    @Override
    public void delete(String name) throws IOException {
        if (!Files.isDirectory(datastore.folder())) {
            return;
        }
        Files.deleteIfExists(datastore.folder().resolve(ReplicaNames.file(name)));
        copier.discardPartial(datastore.folder(), name);
        Durable.syncDirectory(datastore.folder());
    }

    @Override
    public void deleteManifest(String snapshotId) throws IOException {
        Path manifest = datastore.folder().resolve(ManifestFiles.nameOf(ReplicaNames.snapshotId(snapshotId)));
        if (Files.deleteIfExists(manifest)) {
            Durable.syncDirectory(datastore.folder());
        }
    }

    @Override
    public QemuImg qemuImg() {
        return qemu;
    }

    @Override
    public String folderOnHost() {
        return datastore.folder().toAbsolutePath().toString();
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    @Override
    public void writeDisk(String name, String disk) throws IOException {
        Path target = Path.of(disk);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(disk, null, "a file already has the disk's name; it is left alone");
        }
        folders.prepare(target.getParent());
        Path partial = target.resolveSibling(target.getFileName() + VerifiedCopier.PARTIAL);
        Files.deleteIfExists(partial);
        qemu.convert(pathOnHost(name), partial);
        try (FileChannel written = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            written.force(true);
        }
        folders.handOver(partial);
        Files.createLink(target, partial);
        Files.delete(partial);
        Durable.syncDirectory(target.getParent());
    }

    @Override
    public void setAside(String disk, String asideName) throws IOException {
        Path from = Path.of(disk);
        Files.move(from, from.resolveSibling(ReplicaNames.file(asideName)));
        Durable.syncDirectory(from.getParent());
    }

    @Override
    public String pathOnHost(String name) {
        return datastore.folder().toAbsolutePath().resolve(ReplicaNames.file(name)).toString();
    }

    @Override
    public String describe() {
        return "the DR datastore folder " + datastore.folder();
    }
}
