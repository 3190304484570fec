package io.wfdr.snapshot.replication;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.qemu.QemuImg;

/**
 * The DR VM host's datastore, however it is reached: the snapshot files replicated to it and, next to each, its
 * manifest, so that the DR host can rebuild a VM from its own files alone.
 * <p>
 * A file is shipped as {@code <name>.partial}, hashed while it is sent and hashed again at the DR end from what the
 * DR host stored; it gets its final name only when both SHA-256 agree, and never replaces a different file already
 * under that name. An interrupted shipment resumes from the prefix of its partial file that matches the source.
 */
public interface ReplicaStore extends AutoCloseable {

    /**
     * Ships one snapshot file under {@code name} (a plain file name) and verifies it at the DR end.
     *
     * @throws java.nio.file.FileAlreadyExistsException a different file already has this name; it is left alone
     * @throws io.wfdr.spine.transfer.CopyVerificationFailed the DR end stored other bytes than were sent
     */
    Shipment ship(Path source, String name) throws IOException;

    /** A stored replica's size and SHA-256, computed at the DR end from what it holds now; empty if there is none. */
    Optional<StoredReplica> stored(String name) throws IOException;

    /** The SHA-256 of a stored replica, computed at the DR end from what it holds now (a flipped byte shows). */
    default String sha256(String name) throws IOException {
        return stored(name).orElseThrow(() -> new NoSuchFileException(pathOnHost(name), null,
                "no such replica at " + describe())).sha256();
    }

    /** Writes (or replaces) a snapshot's manifest: under a temporary name first, then renamed into place. */
    void writeManifest(SnapshotManifest manifest) throws IOException;

    Optional<SnapshotManifest> manifest(String snapshotId) throws IOException;

    /** Every manifest in the datastore, in the order of their file names. */
    List<SnapshotManifest> manifests() throws IOException;

    /** Removes a replica (retention), and what an unfinished shipment of it left. */
    void delete(String name) throws IOException;

    /** Removes a snapshot's manifest (retention, once its file is gone). */
    void deleteManifest(String snapshotId) throws IOException;

    /** The DR host's own qemu-img, which reads the replicas where they are. */
    QemuImg qemuImg();

    /** The folder of the replicas as the DR host names it. */
    String folderOnHost();

    /** Whether the DR host has a file at {@code path} (a VM's disk). */
    boolean exists(String path) throws IOException;

    /**
     * Writes a VM's disk at {@code disk}: a qcow2 of its own with everything the chain whose newest file is the
     * replica {@code name} shows, never replacing a file already there.
     *
     * @throws java.nio.file.FileAlreadyExistsException a file already has the disk's name; it is left alone
     */
    void writeDisk(String name, String disk) throws IOException;

    /** Renames the disk at {@code disk} to {@code asideName} in its folder (an earlier VM's disk, kept). */
    void setAside(String disk, String asideName) throws IOException;

    /** Where the DR host's hypervisor finds the replica {@code name}. */
    String pathOnHost(String name);

    /** The datastore as messages name it. */
    String describe();

    @Override
    default void close() throws IOException {
    }
}
