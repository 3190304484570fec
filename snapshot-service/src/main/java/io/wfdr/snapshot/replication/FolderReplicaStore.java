package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.spine.contract.Durable;
import io.wfdr.spine.transfer.CopyResult;
import io.wfdr.spine.transfer.VerifiedCopier;

/** The DR host's datastore mounted here as a folder: the spine's verified copier writes and reads it back. */
public final class FolderReplicaStore implements ReplicaStore {

    private final FolderDatastore datastore;
    private final VerifiedCopier copier;

    public FolderReplicaStore(Path folder, VerifiedCopier copier) {
        this.datastore = new FolderDatastore(folder);
        this.copier = copier;
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
    public String sha256(String name) throws IOException {
        Path replica = datastore.folder().resolve(ReplicaNames.file(name));
        if (!Files.isRegularFile(replica)) {
            throw new NoSuchFileException(replica.toString(), null, "no such replica at " + describe());
        }
        return copier.sha256OnStorage(replica);
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
    public String pathOnHost(String name) {
        return datastore.folder().toAbsolutePath().resolve(ReplicaNames.file(name)).toString();
    }

    @Override
    public String describe() {
        return "the DR datastore folder " + datastore.folder();
    }
}
