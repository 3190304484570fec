package io.wfdr.snapshot.libvirt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.snapshot.domain.ChangeTrackingLost;
import io.wfdr.snapshot.domain.Consistency;
import io.wfdr.snapshot.domain.PointInTimeExport;
import io.wfdr.snapshot.domain.VmDefinition;
import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.host.HostCommandFailure;
import io.wfdr.snapshot.host.HostProgram;
import io.wfdr.snapshot.service.Hypervisor;

/**
 * A KVM host through libvirt: a snapshot is a pull-mode backup job ({@code virsh backup-begin}) that exports the
 * disk as it was when the job began over NBD while the VM runs on, together with a new checkpoint (a persistent
 * dirty bitmap in the qcow2); an incremental exports {@code qemu:dirty-bitmap:backup-<disk>}, the blocks written
 * since the previous checkpoint, at the bitmap's granularity (the disk's cluster size: 4 KiB for a qcow2 with
 * 4 KiB clusters). The sockets and scratch files live in a work folder QEMU's own user can reach.
 */
public class LibvirtHypervisor implements Hypervisor {

    private final Virsh virsh;
    private final WorkFolders folders;

    public LibvirtHypervisor(Virsh virsh, WorkFolders folders) {
        this.virsh = virsh;
        this.folders = folders;
    }

    @Override
    public boolean running(String vm) {
        return "running".equals(virsh.state(vm));
    }

    @Override
    public boolean defined(String vm) {
        return virsh.attempt("domstate", vm).exitCode() == 0;
    }

    @Override
    public VmDefinition definition(String vm) {
        return DomainXml.parse(virsh.dumpXml(vm));
    }

    @Override
    public PointInTimeExport beginFull(String vm, String checkpoint, Path workFolder) {
        return begin(vm, null, checkpoint, workFolder);
    }

    @Override
    public PointInTimeExport beginIncremental(String vm, String since, String checkpoint, Path workFolder) {
        if (!virsh.checkpoints(vm).contains(since)) {
            throw new ChangeTrackingLost("libvirt has no checkpoint " + since + " for " + vm
                    + " any more (the VM was redefined or its checkpoints removed)");
        }
        return begin(vm, since, checkpoint, workFolder);
    }

    private PointInTimeExport begin(String vm, String since, String checkpoint, Path workFolder) {
        VmDefinition definition = definition(vm);
        Path folder = folders.prepare(workFolder);
        Path socket = folders.socket(vm + "/" + checkpoint);
        leftByAnEarlierAttempt(vm, checkpoint);
        List<HostCommand> script = exportCommands(vm, definition.disk(), since, checkpoint, folder, true);
        boolean quiesced = quiesce(vm);
        try {
            HostProgram.Outcome outcome = virsh.execute(script.get(0));
            if (outcome.exitCode() != 0) {
                throw refused(outcome, since);
            }
        } finally {
            if (quiesced) {
                virsh.attempt("domfsthaw", vm);
            }
        }
        return new PointInTimeExport(vm, definition.disk(), socket, definition.disk(),
                since == null ? null : "qemu:dirty-bitmap:backup-" + definition.disk(),
                quiesced ? Consistency.QUIESCED : Consistency.CRASH_CONSISTENT);
    }

    /** A job and a checkpoint of an attempt that stopped half-way (the process died) are in the way of a new one. */
    private void leftByAnEarlierAttempt(String vm, String checkpoint) {
        virsh.attempt("domjobabort", vm);
        if (virsh.checkpoints(vm).contains(checkpoint)) {
            delete(vm, checkpoint);
        }
    }

    private static RuntimeException refused(HostProgram.Outcome outcome, String since) {
        String said = outcome.output();
        if (since != null && (said.contains("checkpoint inconsistent") || said.contains("missing or broken bitmap")
                || said.contains("inconsistent"))) {
            return new ChangeTrackingLost("the change tracking since " + since + " is broken: " + said.strip());
        }
        return new HostCommandFailure(outcome.command(), outcome.exitCode(), said);
    }

    /** Freezes the guest's file systems when its agent answers; a VM without one is caught crash-consistent. */
    private boolean quiesce(String vm) {
        HostProgram.Outcome ping = virsh.attempt("qemu-agent-command", vm, "--timeout", "2",
                "{\"execute\":\"guest-ping\"}");
        return ping.exitCode() == 0 && virsh.attempt("domfsfreeze", vm).exitCode() == 0;
    }

    private List<HostCommand> exportCommands(String vm, String disk, String since, String checkpoint, Path folder,
            boolean write) {
        Path backupXml = folder.resolve(checkpoint + ".backup.xml");
        Path checkpointXml = folder.resolve(checkpoint + ".checkpoint.xml");
        if (write) {
            writeXml(backupXml, BackupXml.pull(disk, since, folders.socket(vm + "/" + checkpoint),
                    folder.resolve(checkpoint + ".scratch.qcow2")));
            writeXml(checkpointXml, BackupXml.checkpoint(checkpoint, disk));
        }
        return List.of(virsh.backupBeginCommand(vm, backupXml, checkpointXml), virsh.command("domjobabort", vm));
    }

    private static void writeXml(Path file, String xml) {
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public List<HostCommand> exportScript(String vm, String since, String checkpoint, Path workFolder) {
        return exportCommands(vm, "vda", since, checkpoint, workFolder, false);
    }

    @Override
    public void endExport(PointInTimeExport export) {
        HostProgram.Outcome outcome = virsh.attempt("domjobabort", export.vm());
        if (outcome.exitCode() != 0 && !outcome.output().contains("no job is active")) {
            outcome.orFail();
        }
        try {
            Files.deleteIfExists(export.socket());
        } catch (IOException e) {
            // QEMU removes its socket itself; this is only tidying
        }
    }

    @Override
    public void keepOnlyCheckpoint(String vm, String checkpoint) {
        for (String older : virsh.checkpoints(vm)) {
            if (!older.equals(checkpoint)) {
                delete(vm, older);
            }
        }
    }

    @Override
    public void forgetCheckpoints(String vm) {
        List<String> checkpoints = new ArrayList<>(virsh.checkpoints(vm));
        java.util.Collections.reverse(checkpoints);
        for (String checkpoint : checkpoints) {
            delete(vm, checkpoint);
        }
    }

    /** Deletes a checkpoint with its bitmap, or only libvirt's record of it where the bitmap is already gone. */
    private void delete(String vm, String checkpoint) {
        if (virsh.attempt("checkpoint-delete", vm, checkpoint).exitCode() != 0) {
            virsh.run("checkpoint-delete", vm, checkpoint, "--metadata");
        }
    }

    @Override
    public void stop(String vm) {
        if (!"shut off".equals(virsh.state(vm))) {
            virsh.run("destroy", vm);
        }
    }

    @Override
    public void pause(String vm) {
        if (running(vm)) {
            virsh.run("suspend", vm);
        }
    }

    @Override
    public void undefine(String vm) {
        if (defined(vm)) {
            stop(vm);
            virsh.run("undefine", vm, "--checkpoints-metadata");
        }
    }

    @Override
    public void start(String vm) {
        virsh.run("start", vm);
    }

    @Override
    public void defineAndStart(VmDefinition definition, String diskPath, Path workFolder) {
        Path folder = folders.prepare(workFolder);
        Path xml = folder.resolve(definition.name() + ".domain.xml");
        writeXml(xml, DomainXml.withDisk(definition.nativeDefinition(), diskPath));
        virsh.execute(virsh.defineCommand(xml)).orFail();
        virsh.run("start", definition.name());
    }
}
