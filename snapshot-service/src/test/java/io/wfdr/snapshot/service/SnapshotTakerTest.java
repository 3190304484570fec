package io.wfdr.snapshot.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.Consistency;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.TakenSnapshot;
import io.wfdr.snapshot.libvirt.LibvirtHypervisor;
import io.wfdr.snapshot.libvirt.TestVm;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.ImageExtent;
import io.wfdr.snapshot.qemu.QemuImg;

/**
 * Snapshots of a real running VM under libvirt (skipped, saying why, where libvirtd does not answer): a full and
 * an incremental taken while it runs reproduce its disk exactly, the incremental holds exactly the 4 KiB blocks
 * written, and lost change tracking gives a full that says so.
 */
class SnapshotTakerTest {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int KIB4 = 4096;
    private final QemuImg qemu = new QemuImg("qemu-img", TIMEOUT);
    private TestVm vm;
    private FolderDatastore store;
    private SnapshotTaker taker;

    @BeforeEach
    void runningVm() throws Exception {
        vm = TestVm.start(256L << 20, KIB4);
        store = new FolderDatastore(vm.folder.resolve("snapshots"));
        WorkFolders folders = vm.workFolders();
        taker = new SnapshotTaker(new LibvirtHypervisor(vm.virsh, folders), folders, qemu, "qemu-nbd",
                vm.folder.resolve("work"), TIMEOUT, Clock.systemUTC());
    }

    @AfterEach
    void removeVm() throws Exception {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void anIncrementalHoldsExactlyTheBlocksWrittenAndTheChainIsTheDiskAtThatInstant() throws Exception {
        vm.write(0xab, KIB4, scattered(50, 7));
        TakenSnapshot full = taker.take(vm.name, "s1", null, store);
        vm.write(0xcd, KIB4, scattered(200, 11));
        vm.write(0xee, 4L << 20, 128L << 20);
        TakenSnapshot incremental = taker.take(vm.name, "s2", full.manifest(), store);

        assertEquals(SnapshotKind.FULL, full.manifest().kind());
        assertEquals(SnapshotKind.INCREMENTAL, incremental.manifest().kind());
        assertNull(incremental.fullBecause());
        long written = 200L * KIB4 + (4L << 20);
        assertEquals(written, incremental.changedBytes(), "4 KiB change tracking: exactly the bytes written");
        assertEquals(written, qemu.changedExtents(store.file(incremental.manifest()), false).stream()
                .mapToLong(ImageExtent::length).sum());
        assertEquals(Consistency.CRASH_CONSISTENT, incremental.consistency(), "no guest agent answers here");
        vm.flush();
        assertTrue(qemu.sameContent(vm.disk, store.file(incremental.manifest()), true),
                "the chain shows the disk as it was when the incremental was taken");
        assertFalse(qemu.sameContent(vm.disk, store.file(full.manifest()), true));
        assertEquals("s1.qcow2", qemu.info(store.file(incremental.manifest()), false).backingFile(),
                "backed by its parent, by a relative name");
        assertEquals(Optional.empty(), qemu.backingProblem(store.file(incremental.manifest()), store.folder()));
        assertEquals(java.util.List.of("s2"), vm.virsh.checkpoints(vm.name), "only the newest checkpoint is kept");
        assertTrue(Files.list(store.folder()).noneMatch(file -> file.toString().endsWith(".partial")));
    }

    @Test
    void aBitmapLostWhenTheVmWasKilledForcesANewFullThatSaysWhy() throws Exception {
        TakenSnapshot full = taker.take(vm.name, "s1", null, store);
        vm.kill();
        vm.virsh.run("start", vm.name);
        vm.write(0x11, KIB4, 0);

        TakenSnapshot next = taker.take(vm.name, "s2", full.manifest(), store);

        assertEquals(SnapshotKind.FULL, next.manifest().kind());
        assertNull(next.manifest().parentSnapshotId());
        assertTrue(next.fullBecause().contains("a new full was taken"), next.fullBecause());
        vm.flush();
        assertTrue(qemu.sameContent(vm.disk, store.file(next.manifest()), true));
    }

    private static long[] scattered(int count, int stride) {
        return LongStream.range(0, count).map(i -> i * stride * 64L * KIB4 % (120L << 20)).toArray();
    }
}
