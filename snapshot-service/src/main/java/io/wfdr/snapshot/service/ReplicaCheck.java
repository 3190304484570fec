package io.wfdr.snapshot.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.host.HostCommandFailure;
import io.wfdr.snapshot.qemu.ImageInfo;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.snapshot.replication.StoredReplica;

/**
 * Whether a snapshot can be used where it is stored, before a revert or a rebuild uses it: its whole chain down to
 * the full is there, every file hashes to what its manifest says (a flipped byte is caught here), and each file's
 * backing file is its parent's, named relative to it (not an absolute path back to the source host, not a rebase
 * onto another parent). Everything is read where the files are: hashes and qemu-img run at the DR end.
 */
public class ReplicaCheck {

    /** What is wrong with the snapshot's chain in this store, one line per problem; empty when it is usable. */
    public List<String> problems(ReplicaStore store, String snapshotId) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = snapshotId;
        while (next != null && seen.add(next)) {
            Optional<SnapshotManifest> manifest = store.manifest(next);
            if (manifest.isEmpty()) {
                problems.add("snapshot " + next + " has no manifest at " + store.describe());
                return problems;
            }
            check(store, manifest.get(), problems);
            next = manifest.get().parentSnapshotId();
        }
        if (next != null) {
            problems.add("the chain of " + snapshotId + " loops back to " + next);
        }
        return problems;
    }

    private void check(ReplicaStore store, SnapshotManifest manifest, List<String> problems) throws IOException {
        Optional<StoredReplica> stored = store.stored(manifest.file());
        if (stored.isEmpty()) {
            problems.add(manifest.file() + " is missing");
            return;
        }
        if (stored.get().bytes() != manifest.bytes()) {
            problems.add(manifest.file() + " has " + stored.get().bytes() + " bytes, its manifest " + manifest.bytes());
            return;
        }
        if (!stored.get().sha256().equals(manifest.sha256())) {
            problems.add(manifest.file() + " does not hash to its manifest's SHA-256: it changed after it was taken");
            return;
        }
        QemuImg qemu = store.qemuImg();
        Path file = Path.of(store.pathOnHost(manifest.file()));
        ImageInfo info;
        try {
            qemu.backingProblem(file, Path.of(store.folderOnHost())).ifPresent(problems::add);
            info = qemu.info(file, false);
        } catch (HostCommandFailure | UncheckedIOException e) {
            problems.add(manifest.file() + " cannot be read as a disk image: " + e.getMessage());
            return;
        }
        String parentFile = manifest.parentSnapshotId() == null ? null
                : store.manifest(manifest.parentSnapshotId()).map(SnapshotManifest::file).orElse(null);
        if (parentFile != null && !parentFile.equals(info.backingFile())) {
            problems.add(manifest.file() + " is backed by " + info.backingFile() + ", not by its parent " + parentFile);
        }
    }
}
