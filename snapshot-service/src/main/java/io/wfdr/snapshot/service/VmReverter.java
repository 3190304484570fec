package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.spine.contract.Durable;

/**
 * Puts a VM's disk back to a snapshot (the guide: after a VM failure, revert to the last working snapshot). The
 * snapshot's chain is checked whole first (every file hashes to its manifest, every backing file its parent's);
 * then the VM is stopped, the chain is written out as a disk of its own next to the live one, the live disk is
 * kept aside under another name, the new disk takes its name (one rename: the name always holds a whole disk),
 * change tracking is dropped (the next snapshot is a full) and the VM starts.
 */
public class VmReverter {

    private final Hypervisor hypervisor;
    private final QemuImg qemu;
    private final ReplicaCheck check;
    private final WorkFolders folders;

    public VmReverter(Hypervisor hypervisor, QemuImg qemu, WorkFolders folders) {
        this.hypervisor = hypervisor;
        this.qemu = qemu;
        this.check = new ReplicaCheck();
        this.folders = folders;
    }

    public record Reverted(String vm, String snapshotId, Path disk, Path keptAside) {
    }

    /** @param store the VM's snapshots, in its host's datastore as this machine reaches it */
    public Reverted revert(String vm, SnapshotManifest snapshot, ReplicaStore store) throws IOException {
        List<String> problems = check.problems(store, snapshot.snapshotId());
        if (!problems.isEmpty()) {
            throw new UnusableSnapshot(snapshot.snapshotId(), problems);
        }
        VmDefinition definition = hypervisor.definition(vm);
        Path disk = Path.of(definition.diskPath());
        Path partial = disk.resolveSibling(disk.getFileName() + ".wfdr-revert.partial");
        Path aside = disk.resolveSibling(disk.getFileName() + ".before-revert-to-" + snapshot.snapshotId());
        hypervisor.stop(vm);
        Files.deleteIfExists(partial);
        qemu.convert(store.pathOnHost(snapshot.file()), partial);
        force(partial);
        folders.handOver(partial);
        Files.deleteIfExists(aside);
        Files.createLink(aside, disk);
        Files.move(partial, disk, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Durable.syncDirectory(disk.getParent());
        hypervisor.forgetCheckpoints(vm);
        hypervisor.start(vm);
        return new Reverted(vm, snapshot.snapshotId(), disk, aside);
    }

    private static void force(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }
}
