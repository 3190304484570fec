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
import io.wfdr.snapshot.replication.SshReplicaStore;
import io.wfdr.snapshot.replication.SshReplicaTarget;
import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.spine.secrets.SecretResolver;
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
    private final SecretResolver secrets;
    private final Clock clock;

    HostAdapters(EngineConfig config, VerifiedCopier copier, SecretResolver secrets, Clock clock) {
        this.config = config;
        this.copier = copier;
        this.secrets = secrets;
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

    /** The VM's snapshots in its host's datastore (mounted here: {@link #mountedHere}). */
    public static FolderDatastore snapshots(HostDatastore datastore, String vmName) {
        return new FolderDatastore(Path.of(datastore.snapshotFolder).resolve(vmName));
    }

    /**
     * Refuses a datastore reached over SSH where snapshots are taken or reverted to: the VM's point-in-time export
     * is a socket on its host, read by wfdr next to it.
     */
    public static HostDatastore mountedHere(HostDatastore datastore, KnownVmHost host) {
        if (datastore.overSsh()) {
            throw new ConflictProblem("the datastore of " + host.name + " is reached over SSH; snapshots are taken "
                    + "and reverted to only on a VM host whose datastore is mounted where wfdr runs");
        }
        return datastore;
    }

    /** The VM's snapshots or replicas in a host's datastore, mounted here or reached over SSH. */
    public ReplicaStore replicas(HostDatastore datastore, String vmName) {
        String folder = Path.of(datastore.snapshotFolder).resolve(vmName).toString();
        if (!datastore.overSsh()) {
            return new FolderReplicaStore(Path.of(folder), copier, qemuImg(), folders());
        }
        return new SshReplicaStore(sshTarget(datastore, folder), secrets, config.sshConnectTimeout(),
                config.commandTimeout(), config.qemuImg());
    }

    private static SshReplicaTarget sshTarget(HostDatastore datastore, String folder) {
        return new SshReplicaTarget(datastore.sshHost, datastore.sshPort, datastore.sshUser, folder,
                datastore.sshHostKey, datastore.sshPrivateKey == null ? null : Path.of(datastore.sshPrivateKey),
                datastore.sshPasswordRef);
    }

    /** A command as run on the host of the datastore: as it is, or through ssh when it is reached that way. */
    public static String onHost(HostDatastore datastore, HostCommand command) {
        if (!datastore.overSsh()) {
            return command.display();
        }
        return HostCommand.of("ssh", "-p", Integer.toString(datastore.sshPort), datastore.sshUser + "@"
                + datastore.sshHost, command.display()).display();
    }

    public Path workFolder(String purpose) {
        return Path.of(config.workFolder()).resolve(purpose);
    }
}
