package io.wfdr.snapshot.service;

import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.replication.FolderReplicaStore;
import io.wfdr.spine.transfer.VerifiedCopier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.spine.contract.FileHash;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §2: a replica is checked before a revert or a rebuild uses it — a flipped byte, a rebase onto the wrong
 * parent and a missing parent are each caught — on real qcow2 images (skipped, saying so, without qemu-img).
 */
class ReplicaCheckTest {

    private static final long DISK = 16L << 20;

    private final QemuImg qemu = new QemuImg("qemu-img", Duration.ofSeconds(60));
    private final ReplicaCheck check = new ReplicaCheck();

    @TempDir
    Path drFolder;

    private FolderDatastore dr;
    private FolderReplicaStore replicas;

    @BeforeEach
    void aReplicatedChain() throws Exception {
        assumeTrue(qemu.available(), "qemu-img is not installed here (apt-get install qemu-utils); replica tests skipped");
        dr = new FolderDatastore(drFolder);
        replicas = new FolderReplicaStore(drFolder, new VerifiedCopier(), qemu, new WorkFolders("", drFolder));
        qemu.create(drFolder.resolve("web01-full.qcow2"), DISK, 4096);
        qemu.overlay(drFolder.resolve("web01-incr-1.qcow2"), drFolder.resolve("web01-full.qcow2"), 4096);
        dr.write(manifest("full", SnapshotKind.FULL, null, "web01-full.qcow2"));
        dr.write(manifest("incr-1", SnapshotKind.INCREMENTAL, "full", "web01-incr-1.qcow2"));
    }

    @Test
    void aWholeChainWhoseFilesHashToTheirManifestsIsUsable() throws Exception {
        assertEquals(List.of(), check.problems(replicas, "incr-1"));
        assertEquals("full", dr.read("incr-1").orElseThrow().parentSnapshotId(), "the manifest reads back");
    }

    @Test
    void aReplicaWithAFlippedByteIsRefusedBeforeAnythingUsesIt() throws Exception {
        try (RandomAccessFile file = new RandomAccessFile(drFolder.resolve("web01-full.qcow2").toFile(), "rw")) {
            file.seek(100);
            int value = file.read();
            file.seek(100);
            file.write(value ^ 0x01);
        }
        List<String> problems = check.problems(replicas, "incr-1");
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("web01-full.qcow2 does not hash")), problems.toString());
    }

    @Test
    void anIncrementalRebasedOntoAnotherParentIsRefused() throws Exception {
        qemu.create(drFolder.resolve("web02-full.qcow2"), DISK, 4096);
        qemu.rebase(drFolder.resolve("web01-incr-1.qcow2"), drFolder.resolve("web02-full.qcow2"));
        dr.write(manifest("incr-1", SnapshotKind.INCREMENTAL, "full", "web01-incr-1.qcow2"));

        List<String> problems = check.problems(replicas, "incr-1");
        assertTrue(problems.stream().anyMatch(p -> p.contains("not by its parent web01-full.qcow2")),
                problems.toString());
    }

    @Test
    void aChainWhoseParentNeverArrivedIsRefused() throws Exception {
        Files.delete(drFolder.resolve("full.manifest.json"));
        assertEquals(List.of("snapshot full has no manifest at the DR datastore folder " + drFolder), check.problems(replicas, "incr-1"));
    }

    private SnapshotManifest manifest(String id, SnapshotKind kind, String parent, String file) throws IOException {
        Path path = drFolder.resolve(file);
        return new SnapshotManifest(id, "web01", kind, parent, file, Files.size(path), FileHash.sha256(path), DISK,
                List.of(), Instant.parse("2026-11-25T03:00:00Z"), null, null);
    }
}
