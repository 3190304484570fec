package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.qemu.ImageInfo;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.host.HostCommandFailure;
import io.wfdr.spine.contract.FileHash;

/**
 * Whether a replicated snapshot can be used at the DR host before a revert or a rebuild uses it: its whole chain
 * down to the full is there, every file hashes to what its manifest says (a flipped byte is caught here), and each
 * file's backing file is its parent's, named relative to it (not an absolute path back to the source host, not a
 * rebase onto another parent).
 */
public class ReplicaCheck {

    private final QemuImg qemu;

    public ReplicaCheck(QemuImg qemu) {
        this.qemu = qemu;
    }

    /** What is wrong with the snapshot's chain at this datastore, one line per problem; empty when it is usable. */
    public List<String> problems(FolderDatastore datastore, String snapshotId) throws IOException {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String next = snapshotId;
        while (next != null && seen.add(next)) {
            Optional<SnapshotManifest> manifest = datastore.read(next);
            if (manifest.isEmpty()) {
                problems.add("snapshot " + next + " has no manifest at " + datastore.folder());
                return problems;
            }
            check(datastore, manifest.get(), problems);
            next = manifest.get().parentSnapshotId();
        }
        if (next != null) {
            problems.add("the chain of " + snapshotId + " loops back to " + next);
        }
        return problems;
    }

    private void check(FolderDatastore datastore, SnapshotManifest manifest, List<String> problems)
            throws IOException {
        Path file = datastore.file(manifest);
        if (!Files.isRegularFile(file)) {
            problems.add(manifest.file() + " is missing");
            return;
        }
        if (Files.size(file) != manifest.bytes()) {
            problems.add(manifest.file() + " has " + Files.size(file) + " bytes, its manifest " + manifest.bytes());
            return;
        }
        if (!FileHash.sha256(file).equals(manifest.sha256())) {
            problems.add(manifest.file() + " does not hash to its manifest's SHA-256: it changed after it was taken");
            return;
        }
        ImageInfo info;
        try {
            qemu.backingProblem(file, datastore.folder()).ifPresent(problems::add);
            info = qemu.info(file, false);
        } catch (HostCommandFailure e) {
            problems.add(manifest.file() + " cannot be read as a disk image: " + e.getMessage());
            return;
        }
        String parentFile = manifest.parentSnapshotId() == null ? null
                : datastore.read(manifest.parentSnapshotId()).map(SnapshotManifest::file).orElse(null);
        if (parentFile != null && !parentFile.equals(info.backingFile())) {
            problems.add(manifest.file() + " is backed by " + info.backingFile() + ", not by its parent " + parentFile);
        }
    }
}
