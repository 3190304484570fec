package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.replication.ReplicaStore;

/**
 * Creates a VM of a lost host on the DR host from the replicas the DR host holds, and nothing else (the guide:
 * after the loss of the VM host, create the VMs from the last good snapshots on the DR host and run there). The
 * replica chain is checked whole at the DR end first; the DR host writes the disk out from it as a qcow2 of its own
 * ({@link ReplicaStore#writeDisk}: under a temporary name until complete), and the VM is defined with the same name,
 * CPUs, memory and NICs as in the snapshot's manifest, then started. Asked again for a VM the DR host already has,
 * it changes nothing.
 */
public class VmRebuilder {

    private final ReplicaCheck check = new ReplicaCheck();

    public record Rebuilt(String vm, String snapshotId, String disk, boolean alreadyThere) {
    }

    /** @param disks the DR host's folder for the VMs' disks, as the DR host names it */
    public Rebuilt rebuild(SnapshotManifest snapshot, ReplicaStore replicas, Hypervisor drHost, String disks,
            Path workFolder) throws IOException {
        VmDefinition definition = snapshot.definition();
        if (definition == null) {
            throw new UnusableSnapshot(snapshot.snapshotId(), List.of("its manifest does not say what the VM was"));
        }
        String disk = diskOf(disks, definition.name());
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
        if (!replicas.exists(disk)) {
            replicas.writeDisk(snapshot.file(), disk);
        }
        drHost.defineAndStart(definition, disk, workFolder);
        return new Rebuilt(definition.name(), snapshot.snapshotId(), disk, false);
    }

    /** Where a VM's disk is created in a host's folder for disks. */
    public static String diskOf(String disks, String vm) {
        return Path.of(disks).resolve(vm + ".qcow2").toString();
    }
}
