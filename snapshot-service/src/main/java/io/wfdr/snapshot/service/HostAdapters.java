package io.wfdr.snapshot.service;

import java.nio.file.Path;
import java.time.Clock;

import io.wfdr.snapshot.config.EngineConfig;
import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.libvirt.LibvirtHypervisor;
import io.wfdr.snapshot.libvirt.Virsh;
import io.wfdr.snapshot.libvirt.WorkFolders;
import io.wfdr.snapshot.qemu.QemuImg;
import io.wfdr.snapshot.replication.FolderReplicaStore;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.transfer.VerifiedCopier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The adapters for one VM host: its hypervisor (a KVM host through libvirt at the URI the inventory records as its
 * connection), the snapshot engine on it, its datastore folders.
 */
@ApplicationScoped
public class HostAdapters {

    static final String KVM = "KVM";

    private final EngineConfig config;
    private final VerifiedCopier copier;
    private final Clock clock;

    HostAdapters(EngineConfig config, VerifiedCopier copier, Clock clock) {
        this.config = config;
        this.copier = copier;
        this.clock = clock;
    }

    /** Why wfdr cannot take snapshots on this host, or null when it can. */
    public static String unsupported(KnownVmHost host) {
        if (!KVM.equals(host.hypervisor)) {
            return host.name + " runs " + (host.hypervisor == null ? "an unrecorded hypervisor" : host.hypervisor)
                    + "; wfdr takes snapshots on KVM hosts through libvirt (VMware's hosts fit the same interface, "
                    + "not yet built)";
        }
        if (host.connectionRef == null || !host.connectionRef.startsWith("qemu")) {
            return "the inventory records no libvirt URI (e.g. qemu+ssh://root@kvm01/system) as " + host.name
                    + "'s connection";
        }
        return null;
    }

    public Hypervisor hypervisor(KnownVmHost host) {
        String why = unsupported(host);
        if (why != null) {
            throw new ConflictProblem(why);
        }
        return new LibvirtHypervisor(new Virsh(config.virsh(), host.connectionRef, config.commandTimeout()), folders());
    }

    public QemuImg qemuImg() {
        return new QemuImg(config.qemuImg(), config.commandTimeout());
    }

    public WorkFolders folders() {
        return new WorkFolders(config.qemuUser().orElse(""), Path.of(config.socketFolder()));
    }

    public SnapshotTaker taker(KnownVmHost host) {
        return new SnapshotTaker(hypervisor(host), folders(), qemuImg(), config.qemuNbd(),
                Path.of(config.workFolder()), config.commandTimeout(), clock);
    }

    /** The VM's snapshots in its host's datastore. */
    public static FolderDatastore snapshots(HostDatastore datastore, String vmName) {
        return new FolderDatastore(Path.of(datastore.snapshotFolder).resolve(vmName));
    }

    /** The VM's replicas at a DR host, reached through the DR host's datastore as mounted here. */
    public ReplicaStore replicas(HostDatastore drDatastore, String vmName) {
        return new FolderReplicaStore(Path.of(drDatastore.snapshotFolder).resolve(vmName), copier);
    }

    public Path workFolder(String purpose) {
        return Path.of(config.workFolder()).resolve(purpose);
    }
}
