package io.wfdr.snapshot.service;

import io.wfdr.snapshot.replication.FolderReplicaStore;
import io.wfdr.spine.transfer.VerifiedCopier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.TakenSnapshot;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.libvirt.LibvirtHypervisor;
import io.wfdr.snapshot.libvirt.TestVm;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;

/** Revert and rebuild of a real VM under libvirt (skipped, saying why, where libvirtd does not answer). */
class RevertAndRebuildTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int KIB4 = 4096;
    private final QemuImg qemu = new QemuImg("qemu-img", TIMEOUT);
    private TestVm vm;
    private FolderDatastore store;
    private FolderReplicaStore replicas;
    private SnapshotTaker taker;
    private LibvirtHypervisor host;
    private WorkFolders folders;

    @BeforeEach
    void runningVm() throws Exception {
        vm = TestVm.start(64L << 20, KIB4);
        store = new FolderDatastore(vm.folder.resolve("snapshots"));
        folders = vm.workFolders();
        replicas = new FolderReplicaStore(store.folder(), new VerifiedCopier(), qemu, folders);
        host = new LibvirtHypervisor(vm.virsh, folders);
        taker = new SnapshotTaker(host, folders, qemu, "qemu-nbd", vm.folder.resolve("work"), TIMEOUT,
                Clock.systemUTC());
    }

    @AfterEach
    void removeVm() throws Exception {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void aRevertPutsTheDiskBackToTheSnapshotKeepsTheOldDiskAsideAndTheNextSnapshotIsAFull() throws Exception {
        vm.write(0xab, KIB4, 0, 1 << 20);
        TakenSnapshot full = taker.take(vm.name, "s1", null, store);
        TakenSnapshot incremental = taker.take(vm.name, "s2", full.manifest(), store);
        vm.write(0xcd, KIB4, 4096, 2 << 20);

        VmReverter.Reverted reverted = new VmReverter(host, qemu, folders).revert(vm.name, incremental.manifest(),
                replicas);

        assertTrue(host.running(vm.name));
        vm.flush();
        assertTrue(qemu.sameContent(vm.disk, store.file(incremental.manifest()), true));
        assertTrue(Files.exists(reverted.keptAside()), "the disk as it was before the revert is kept aside");
        assertEquals(List.of(), vm.virsh.checkpoints(vm.name), "the old change tracking does not fit the new disk");
        TakenSnapshot next = taker.take(vm.name, "s3", incremental.manifest(), store);
        assertEquals(SnapshotKind.FULL, next.manifest().kind());
    }

    @Test
    void aReplicaWithAFlippedByteIsRefusedBeforeARevertTouchesTheVm() throws Exception {
        vm.write(0xab, KIB4, 0);
        TakenSnapshot full = taker.take(vm.name, "s1", null, store);
        vm.write(0xcd, KIB4, 8192);
        vm.flush();
        flipOneByte(store.file(full.manifest()), Files.size(store.file(full.manifest())) / 2);

        UnusableSnapshot refused = assertThrows(UnusableSnapshot.class,
                () -> new VmReverter(host, qemu, folders).revert(vm.name, full.manifest(), replicas));

        assertTrue(refused.getMessage().contains("SHA-256"), refused.getMessage());
        assertTrue(host.running(vm.name), "the VM was not stopped");
        assertEquals(List.of("s1"), vm.virsh.checkpoints(vm.name));
    }

    @Test
    void aRebuildCreatesTheVmOfALostHostFromItsReplicasByteIdenticalWithTheSameNameCpusMemoryAndNics()
            throws Exception {
        vm.write(0xab, KIB4, 0, 3 << 20);
        TakenSnapshot full = taker.take(vm.name, "s1", null, store);
        vm.write(0xcd, 1 << 20, 5 << 20);
        TakenSnapshot incremental = taker.take(vm.name, "s2", full.manifest(), store);
        VmDefinition before = host.definition(vm.name);
        vm.virsh.run("destroy", vm.name);
        vm.virsh.run("undefine", vm.name, "--checkpoints-metadata");

        VmRebuilder.Rebuilt rebuilt = new VmRebuilder().rebuild(incremental.manifest(), replicas, host,
                vm.folder.resolve("dr-disks").toString(), vm.folder.resolve("dr-work"));

        assertTrue(host.running(vm.name));
        VmDefinition after = host.definition(vm.name);
        assertEquals(List.of(before.name(), before.cpus(), before.memoryMiB(), before.nicMacs()),
                List.of(after.name(), after.cpus(), after.memoryMiB(), after.nicMacs()));
        assertEquals(rebuilt.disk(), after.diskPath());
        assertTrue(qemu.sameContent(vm.disk, Path.of(rebuilt.disk()), true),
                "byte-identical with the source disk as it was at s2 (nothing written since; the VM was stopped)");
        assertTrue(new VmRebuilder().rebuild(incremental.manifest(), replicas, host,
                vm.folder.resolve("dr-disks").toString(), vm.folder.resolve("dr-work")).alreadyThere());
    }

    private static void flipOneByte(Path file, long at) throws Exception {
        try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
            raw.seek(at);
            int value = raw.read();
            raw.seek(at);
            raw.write(value ^ 0xff);
        }
    }
}
