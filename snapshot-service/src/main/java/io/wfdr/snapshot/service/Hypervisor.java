package io.wfdr.snapshot.service;

import java.nio.file.Path;
import java.util.List;

import io.wfdr.snapshot.domain.ChangeTrackingLost;
import io.wfdr.snapshot.domain.PointInTimeExport;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.host.HostCommand;

/**
 * A VM host as snapshots need it: point-in-time exports of a running VM's disk with changed-block tracking, and
 * defining, starting and stopping VMs. libvirt/QEMU implements it with checkpoints (dirty bitmaps) and pull-mode
 * backups; VMware's hosts fit the same shape with CBT and VADP.
 */
public interface Hypervisor {

    boolean running(String vm);

    /** Whether the host knows a VM of this name at all (running or not). */
    boolean defined(String vm);

    VmDefinition definition(String vm);

    /** Freezes the VM's disk at this instant as a full, starting change tracking at {@code checkpoint}. */
    PointInTimeExport beginFull(String vm, String checkpoint, Path workFolder);

    /** Freezes the disk at this instant, exporting what changed since {@code since}; tracking goes on from {@code checkpoint}. */
    PointInTimeExport beginIncremental(String vm, String since, String checkpoint, Path workFolder)
            throws ChangeTrackingLost;

    /** Ends the export (the VM runs on; the checkpoint stays). */
    void endExport(PointInTimeExport export);

    /** Keeps change tracking only from {@code checkpoint} on; the older checkpoints cost the VM on every write. */
    void keepOnlyCheckpoint(String vm, String checkpoint);

    /** Drops all change tracking (after the disk was replaced): the next snapshot must be a full. */
    void forgetCheckpoints(String vm);

    void stop(String vm);

    /** Pauses the VM's CPUs (its disk stays exportable): nothing it writes can fall between a last snapshot and a move. */
    void pause(String vm);

    /** Removes the VM's definition from the host (its disk files stay). */
    void undefine(String vm);

    void start(String vm);

    /** Creates the VM as described, its disk at {@code diskPath}, and starts it. */
    void defineAndStart(VmDefinition definition, String diskPath, Path workFolder);

    /** The commands {@link #beginFull} / {@link #beginIncremental} would run, for a script-only answer. */
    List<HostCommand> exportScript(String vm, String since, String checkpoint, Path workFolder);
}
