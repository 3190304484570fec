package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.spine.contract.Durable;

/**
 * Creates a VM of a lost host on the DR host from the replicas the DR host holds, and nothing else (the guide:
 * after the loss of the VM host, create the VMs from the last good snapshots on the DR host and run there). The
 * replica chain is checked whole at the DR end first; the disk is written out from it as a qcow2 of its own under a
 * temporary name, given its final name when complete, and the VM is defined with the same name, CPUs, memory and
 * NICs as in the snapshot's manifest, then started. Asked again for a VM the DR host already has, it changes nothing.
 */
public class VmRebuilder {

    private final QemuImg qemu;
    private final ReplicaCheck check;
    private final WorkFolders folders;

    public VmRebuilder(QemuImg qemu, WorkFolders folders) {
        this.qemu = qemu;
        this.check = new ReplicaCheck(qemu);
        this.folders = folders;
    }

    public record Rebuilt(String vm, String snapshotId, Path disk, boolean alreadyThere) {
    }

    /** @param disks the DR host's folder for the VMs' disks */
    public Rebuilt rebuild(SnapshotManifest snapshot, FolderDatastore replicas, Hypervisor drHost, Path disks,
            Path workFolder) throws IOException {
        VmDefinition definition = snapshot.definition();
        if (definition == null) {
            throw new UnusableSnapshot(snapshot.snapshotId(), List.of("its manifest does not say what the VM was"));
        }
        Path disk = disks.resolve(definition.name() + ".qcow2");
        if (drHost.defined(definition.name())) {
            if (!drHost.running(definition.name())) {
                drHost.start(definition.name());
            }
            return new Rebuilt(definition.name(), snapshot.snapshotId(), disk, true);
        }
        List<String> problems = check.problems(replicas, snapshot.snapshotId());
        if (!problems.isEmpty()) {
            throw new UnusableSnapshot(snapshot.snapshotId(), problems);
        }
        if (!Files.exists(disk)) {
            writeDisk(replicas.file(snapshot), disk);
        }
        drHost.defineAndStart(definition, disk.toString(), workFolder);
        return new Rebuilt(definition.name(), snapshot.snapshotId(), disk, false);
    }

    private void writeDisk(Path chainTop, Path disk) throws IOException {
        folders.prepare(disk.getParent());
        Path partial = disk.resolveSibling(disk.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        qemu.convert(chainTop.toString(), partial);
        VmReverter.force(partial);
        folders.handOver(partial);
        Files.move(partial, disk);
        Durable.syncDirectory(disk.getParent());
    }
}
