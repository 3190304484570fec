package io.wfdr.snapshot.service;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.snapshot.api.OperationView;
import io.wfdr.snapshot.domain.DrHostChoice;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.OperationKind;
import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.domain.VmOperationKey;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.host.HostCommand;
import io.wfdr.snapshot.qemu.QemuNbd;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.contract.TextHash;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Snapshots, reverts and rebuilds on demand: each request is checked, then accepted as an operation in one
 * transaction (with the commands it will run), and run by {@link OperationRunner}. A retried request with the same
 * Idempotency-Key gets its first operation back; the same key with another request is refused. A VM has one
 * operation at a time. Script-only asks give the commands without accepting anything.
 */
@ApplicationScoped
public class VmOperations {

    private final EntityManager em;
    private final VmService vms;
    private final DrHosts drHosts;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final OperationRunner runner;
    private final Clock clock;

    VmOperations(EntityManager em, VmService vms, DrHosts drHosts, SnapshotCatalog catalog, HostAdapters adapters,
            OperationRunner runner, Clock clock) {
        this.em = em;
        this.vms = vms;
        this.drHosts = drHosts;
        this.catalog = catalog;
        this.adapters = adapters;
        this.runner = runner;
        this.clock = clock;
    }

    public record Accepted(OperationView operation, boolean isNew) {
    }

    public Accepted snapshot(String vmId, SnapshotKind kind, Boolean replicate, String idempotencyKey) {
        String fingerprint = "snapshot|" + vmId + "|" + kind + "|" + replicate;
        return accept(idempotencyKey, fingerprint, () -> snapshotOperation(vmId, kind, replicate));
    }

    public Accepted revert(String vmId, String snapshotId, String idempotencyKey) {
        return accept(idempotencyKey, "revert|" + vmId + "|" + snapshotId, () -> revertOperation(vmId, snapshotId));
    }

    public Accepted rebuild(String lostHostId, String drHostId, String idempotencyKey) {
        return accept(idempotencyKey, "rebuild|" + lostHostId + "|" + drHostId,
                () -> rebuildOperation(lostHostId, drHostId));
    }

    public Accepted failback(String vmId, String toHostId, String idempotencyKey) {
        return accept(idempotencyKey, "failback|" + vmId + "|" + toHostId, () -> failbackOperation(vmId, toHostId));
    }

    @Transactional
    public String failbackScript(String vmId, String toHostId) {
        return failbackOperation(vmId, toHostId).script;
    }

    /** The commands a snapshot of the VM would run now, without running anything. */
    @Transactional
    public String snapshotScript(String vmId, SnapshotKind kind, Boolean replicate) {
        return snapshotOperation(vmId, kind, replicate).script;
    }

    @Transactional
    public String revertScript(String vmId, String snapshotId) {
        return revertOperation(vmId, snapshotId).script;
    }

    @Transactional
    public String rebuildScript(String lostHostId, String drHostId) {
        return rebuildOperation(lostHostId, drHostId).script;
    }

    private Accepted accept(String idempotencyKey, String canonical, Supplier<VmOperation> plan) {
        String fingerprint = TextHash.sha256(canonical);
        Accepted accepted = QuarkusTransaction.requiringNew().call(() -> {
            if (idempotencyKey != null) {
                VmOperationKey known = em.find(VmOperationKey.class, idempotencyKey);
                if (known != null) {
                    if (!known.fingerprint.equals(fingerprint)) {
                        throw new UnprocessableProblem("The Idempotency-Key " + idempotencyKey + " was first used "
                                + "for another request (operation " + known.operationId + "); a retry must repeat "
                                + "the first request exactly, a new request needs a new key");
                    }
                    return new Accepted(view(em.find(VmOperation.class, known.operationId)), false);
                }
            }
            VmOperation operation = plan.get();
            requireNoneOpen(operation);
            em.persist(operation);
            if (idempotencyKey != null) {
                VmOperationKey key = new VmOperationKey();
                key.key = idempotencyKey;
                key.operationId = operation.id;
                key.fingerprint = fingerprint;
                em.persist(key);
            }
            return new Accepted(view(operation), true);
        });
        if (accepted.isNew()) {
            runner.submit(accepted.operation().id());
        }
        return accepted;
    }

    private void requireNoneOpen(VmOperation operation) {
        List<String> open = em.createQuery("select o.id from VmOperation o where o.status in (:open) and "
                + "(o.vmId = :vm or o.hostId = :host)", String.class)
                .setParameter("open", List.of(OperationStatus.ACCEPTED, OperationStatus.RUNNING))
                .setParameter("vm", operation.vmId == null ? "-" : operation.vmId)
                .setParameter("host", operation.kind == OperationKind.REBUILD ? operation.hostId : "-")
                .getResultList();
        if (!open.isEmpty()) {
            throw new ConflictProblem("operation " + open.get(0) + " is still at work on the same VM or host; "
                    + "one operation at a time (GET /api/snapshot-operations/" + open.get(0) + ")");
        }
    }

    private VmOperation snapshotOperation(String vmId, SnapshotKind kind, Boolean replicate) {
        KnownVm vm = vms.vm(vmId);
        KnownVmHost host = catalog.hostOf(vm);
        HostDatastore datastore = HostAdapters.mountedHere(catalog.datastore(host), host);
        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vm.id);
        boolean replicated = replicate != null ? replicate : policy != null && policy.replicate;
        VmOperation operation = operation(OperationKind.SNAPSHOT, vm.id, host.id);
        VmSnapshot parent = kind == SnapshotKind.FULL ? null : catalog.newestOn(vm.id, host.id).orElse(null);
        operation.requestedKind = parent == null ? SnapshotKind.FULL : SnapshotKind.INCREMENTAL;
        operation.snapshotId = operation.id;
        operation.replicate = replicated;
        if (parent == null && kind != SnapshotKind.FULL) {
            operation.message = vm.name + " has no snapshot on " + host.name + " to take an incremental on; "
                    + "a full is taken";
        }
        List<String> script = snapshotCommands(vm, host, datastore, operation.snapshotId, parent);
        if (replicated) {
            KnownVmHost dr = drHost(vm, policy);
            HostDatastore drDatastore = catalog.datastore(dr);
            operation.drHostId = dr.id;
            script.add("# then ship " + operation.snapshotId + ".qcow2 and its manifest (and any part of its chain "
                    + "not yet there) to " + where(drDatastore, vm)
                    + ", SHA-256 while shipping, hashed again at " + dr.name + " before it counts as verified");
        }
        operation.script = String.join("\n", script);
        return operation;
    }

    private List<String> snapshotCommands(KnownVm vm, KnownVmHost host, HostDatastore datastore, String id,
            VmSnapshot parent) {
        Path folder = HostAdapters.snapshots(datastore, vm.currentName).folder();
        Path file = folder.resolve(id + ".qcow2");
        List<String> script = new ArrayList<>();
        for (HostCommand command : adapters.hypervisor(host).exportScript(vm.currentName,
                parent == null ? null : parent.snapshotId, id, adapters.workFolder(vm.currentName))) {
            script.add(command.display());
        }
        String export = "nbd+unix:///vda?socket=" + adapters.folders().socketPath(vm.currentName + "/" + id);
        String copy = parent == null ? adapters.qemuImg().convertCommand(export, file).display()
                : adapters.qemuImg().overlayCommand(file, folder.resolve(parent.fileName), SnapshotTaker.OVERLAY_CLUSTER)
                        .display() + "\n" + QemuNbd.serveCommand("qemu-nbd", file, Path.of("/tmp/w.sock")).display()
                        + "\n# copy exactly the extents of qemu:dirty-bitmap:backup-vda from " + export
                        + " into the overlay over NBD";
        script.add(1, copy);
        return script;
    }

    private KnownVmHost drHost(KnownVm vm, SnapshotPolicy policy) {
        if (policy != null && policy.drHostId != null) {
            return catalog.host(policy.drHostId);
        }
        DrHostChoice choice = drHosts.of(vm);
        if (!choice.unique()) {
            throw new ConflictProblem(choice.whyNone(vm));
        }
        return choice.host();
    }

    private VmOperation revertOperation(String vmId, String snapshotId) {
        KnownVm vm = vms.vm(vmId);
        KnownVmHost host = catalog.hostOf(vm);
        HostDatastore datastore = HostAdapters.mountedHere(catalog.datastore(host), host);
        VmSnapshot snapshot = snapshotId != null ? catalog.find(snapshotId).filter(s -> s.vmId.equals(vm.id))
                .orElseThrow(() -> new NotFoundProblem("Snapshot of " + vm.name, snapshotId))
                : newestGood(vm, host);
        if (!snapshot.hostId.equals(host.id)) {
            throw new ConflictProblem(snapshot.snapshotId + " was taken on another host than the one " + vm.name
                    + " runs on now; revert to one taken on " + host.name);
        }
        VmOperation operation = operation(OperationKind.REVERT, vm.id, host.id);
        operation.snapshotId = snapshot.snapshotId;
        Path folder = HostAdapters.snapshots(datastore, vm.currentName).folder();
        operation.script = String.join("\n", "# check the chain of " + snapshot.snapshotId + " (SHA-256 of every "
                + "file, backing files its parents')", "virsh -c " + host.connectionRef + " destroy " + vm.currentName,
                adapters.qemuImg().convertCommand(folder.resolve(snapshot.fileName).toString(),
                        Path.of("DISK.wfdr-revert.partial")).display(),
                "ln DISK DISK.before-revert-to-" + snapshot.snapshotId + " && mv DISK.wfdr-revert.partial DISK",
                "virsh -c " + host.connectionRef + " checkpoint-delete " + vm.currentName + " CHECKPOINT  # each",
                "virsh -c " + host.connectionRef + " start " + vm.currentName);
        return operation;
    }

    private VmSnapshot newestGood(KnownVm vm, KnownVmHost host) {
        return catalog.of(vm.id).stream().filter(s -> s.hostId.equals(host.id) && s.good()).findFirst()
                .orElseThrow(() -> new ConflictProblem(vm.name + " has no good snapshot (taken and verified at the "
                        + "DR host) on " + host.name + "; name one with snapshotId"));
    }

    private VmOperation rebuildOperation(String lostHostId, String drHostId) {
        KnownVmHost lost = catalog.host(lostHostId);
        KnownVmHost dr = catalog.host(drHostId);
        if (lost.id.equals(dr.id)) {
            throw new UnprocessableProblem("the DR host must be another host than the lost one");
        }
        String why = HostAdapters.unsupported(dr);
        if (why != null) {
            throw new ConflictProblem(why);
        }
        HostDatastore drDatastore = catalog.datastore(dr);
        List<KnownVm> onLost = em.createQuery("from KnownVm where hostId = :lost order by name", KnownVm.class)
                .setParameter("lost", lost.id).getResultList();
        List<String> script = new ArrayList<>();
        for (KnownVm vm : onLost) {
            VmSnapshot good = catalog.newestGoodAt(vm.id, dr.id).orElseThrow(() -> new ConflictProblem(vm.name
                    + " has no snapshot replicated to and verified at " + dr.name + "; nothing was started"));
            Path replicas = HostAdapters.snapshots(drDatastore, vm.currentName).folder();
            Path disk = Path.of(VmRebuilder.diskOf(drDatastore.diskFolder, vm.currentName));
            script.add(HostAdapters.onHost(drDatastore, adapters.qemuImg().convertCommand(
                    replicas.resolve(good.fileName).toString(), disk)));
            script.add("virsh -c " + dr.connectionRef + " define " + vm.currentName + ".domain.xml  # from "
                    + good.snapshotId + "'s manifest, disk " + disk);
            script.add("virsh -c " + dr.connectionRef + " start " + vm.currentName);
        }
        VmOperation operation = operation(OperationKind.REBUILD, null, lost.id);
        operation.drHostId = dr.id;
        operation.script = script.isEmpty() ? "# the inventory has no VMs on " + lost.name : String.join("\n", script);
        return operation;
    }

    private VmOperation failbackOperation(String vmId, String toHostId) {
        KnownVm vm = vms.vm(vmId);
        KnownVmHost here = catalog.hostOf(vm);
        KnownVmHost back = catalog.host(toHostId);
        if (back.id.equals(here.id)) {
            throw new UnprocessableProblem(vm.name + " runs on " + here.name + " already");
        }
        String why = HostAdapters.unsupported(back);
        if (why != null) {
            throw new ConflictProblem(why);
        }
        HostDatastore datastore = HostAdapters.mountedHere(catalog.datastore(here), here);
        HostDatastore backDatastore = catalog.datastore(back);
        VmOperation operation = operation(OperationKind.FAILBACK, vm.id, here.id);
        VmSnapshot parent = catalog.newestOn(vm.id, here.id).orElse(null);
        operation.requestedKind = parent == null ? SnapshotKind.FULL : SnapshotKind.INCREMENTAL;
        operation.snapshotId = operation.id;
        operation.replicate = true;
        operation.drHostId = back.id;
        List<String> script = new ArrayList<>();
        script.add("virsh -c " + here.connectionRef + " suspend " + vm.currentName);
        script.addAll(snapshotCommands(vm, here, datastore, operation.snapshotId, parent));
        script.add("# ship the chain to " + where(backDatastore, vm) + " (SHA-256 verified at " + back.name + ")");
        script.add("virsh -c " + here.connectionRef + " destroy " + vm.currentName);
        script.add("virsh -c " + back.connectionRef + " undefine " + vm.currentName + " --checkpoints-metadata");
        Path disk = Path.of(VmRebuilder.diskOf(backDatastore.diskFolder, vm.currentName));
        script.add(HostAdapters.onHost(backDatastore, adapters.qemuImg().convertCommand(
                Path.of(backDatastore.snapshotFolder).resolve(vm.currentName).resolve(operation.snapshotId + ".qcow2")
                        .toString(), disk)));
        script.add("virsh -c " + back.connectionRef + " define " + vm.currentName + ".domain.xml && virsh -c "
                + back.connectionRef + " start " + vm.currentName);
        operation.script = String.join("\n", script);
        return operation;
    }

    /** A VM's folder in a host's datastore as an operator finds it. */
    private static String where(HostDatastore datastore, KnownVm vm) {
        String folder = Path.of(datastore.snapshotFolder).resolve(vm.currentName).toString();
        return datastore.overSsh() ? datastore.sshUser + "@" + datastore.sshHost + ":" + folder + " (over SSH)"
                : folder;
    }

    private VmOperation operation(OperationKind kind, String vmId, String hostId) {
        VmOperation operation = new VmOperation();
        operation.id = UUID.randomUUID().toString();
        operation.kind = kind;
        operation.vmId = vmId;
        operation.hostId = hostId;
        operation.status = OperationStatus.ACCEPTED;
        operation.createdAt = clock.instant();
        AuditContext call = AuditContext.current();
        operation.requestedBy = call == null ? null : call.actor();
        return operation;
    }

    @Transactional
    public OperationView get(String id) {
        VmOperation operation = em.find(VmOperation.class, id);
        if (operation == null) {
            throw new NotFoundProblem("Snapshot operation", id);
        }
        return view(operation);
    }

    @Transactional
    public Page<OperationView> list(String vmId, OperationStatus status, int page, int size) {
        String where = "(:vm is null or o.vmId = :vm) and (:status is null or o.status = :status)";
        long total = em.createQuery("select count(o) from VmOperation o where " + where, Long.class)
                .setParameter("vm", vmId).setParameter("status", status).getSingleResult();
        List<OperationView> items = em.createQuery("from VmOperation o where " + where
                + " order by o.createdAt desc, o.id", VmOperation.class).setParameter("vm", vmId)
                .setParameter("status", status).setFirstResult(page * size).setMaxResults(size).getResultList()
                .stream().map(VmOperations::view).toList();
        return new Page<>(items, page, size, total);
    }

    static OperationView view(VmOperation o) {
        return new OperationView(o.id, o.kind, o.vmId, o.hostId, o.drHostId, o.snapshotId, o.requestedKind,
                o.replicate, o.status, o.percent, o.message, o.script, o.requestedBy, o.createdAt, o.startedAt,
                o.finishedAt);
    }
}
