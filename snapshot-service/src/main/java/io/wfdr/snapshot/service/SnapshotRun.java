package io.wfdr.snapshot.service;

import java.io.IOException;
import java.util.Optional;

import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.ImageExtents;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.TakenSnapshot;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.SnapshotFailed;
import io.wfdr.snapshot.messaging.SnapshotTaken;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * One snapshot operation: the snapshot is taken on the VM's host (an incremental on the newest snapshot there, a
 * full when there is none or the change tracking was lost), recorded in the catalog with its change measure and
 * {@code snapshot.taken} in one transaction, then — when asked — replicated and verified at the DR host. Run again
 * after a crash, it takes up what the first attempt finished: a snapshot whose manifest was written is not taken
 * again, a replica already verified is not shipped again.
 */
@ApplicationScoped
public class SnapshotRun {

    private final EntityManager em;
    private final HostAdapters adapters;
    private final SnapshotCatalog catalog;
    private final OperationLog log;
    private final Replication replication;
    private final SnapshotEvents events;
    private final ChangeMeasures measures;

    SnapshotRun(EntityManager em, HostAdapters adapters, SnapshotCatalog catalog, OperationLog log,
            Replication replication, SnapshotEvents events, ChangeMeasures measures) {
        this.em = em;
        this.adapters = adapters;
        this.catalog = catalog;
        this.log = log;
        this.replication = replication;
        this.events = events;
        this.measures = measures;
    }

    public void run(VmOperation operation) throws IOException {
        Done done = takeAndReplicate(operation);
        log.succeeded(operation.id, done.snapshot().snapshotId, done.outcome());
    }

    /** A snapshot taken (and, when the operation says so, replicated and verified), and what was done in words. */
    public record Done(VmSnapshot snapshot, String outcome) {
    }

    /** Takes (or finds, after a restart) the operation's snapshot and replicates it when asked; ends nothing. */
    public Done takeAndReplicate(VmOperation operation) throws IOException {
        KnownVm vm = vm(operation.vmId);
        KnownVmHost host = catalog.host(operation.hostId);
        HostDatastore datastore = HostAdapters.mountedHere(catalog.datastore(host), host);
        FolderDatastore store = HostAdapters.snapshots(datastore, vm.currentName);
        VmSnapshot snapshot = catalog.find(operation.snapshotId).orElse(null);
        if (snapshot == null) {
            snapshot = take(operation, vm, host, store);
        }
        String outcome = describe(snapshot);
        if (operation.replicate) {
            log.progress(operation.id, 60, outcome + "; replicating to the DR host");
            outcome += "; " + replication.replicate(operation, vm, snapshot, store);
        }
        return new Done(snapshot, outcome);
    }

    private VmSnapshot take(VmOperation operation, KnownVm vm, KnownVmHost host, FolderDatastore store)
            throws IOException {
        Optional<SnapshotManifest> done = store.read(operation.snapshotId);
        VmSnapshot parent = operation.requestedKind == SnapshotKind.INCREMENTAL
                ? catalog.newestOn(vm.id, host.id).orElse(null) : null;
        TakenSnapshot taken;
        if (done.isPresent()) {
            SnapshotManifest manifest = done.get();
            taken = new TakenSnapshot(manifest, ImageExtents.dataBytes(manifest.changed()), null,
                    manifest.consistency());
        } else {
            log.progress(operation.id, 10, "taking the snapshot of " + vm.name + " on " + host.name);
            SnapshotManifest parentManifest = parent == null ? null : store.read(parent.snapshotId).orElse(null);
            taken = adapters.taker(host).take(vm.currentName, operation.snapshotId, parentManifest, store);
        }
        TakenSnapshot recorded = taken;
        return QuarkusTransaction.requiringNew().call(() -> recordTaken(operation, vm, host, recorded, parent));
    }

    private VmSnapshot recordTaken(VmOperation operation, KnownVm vm, KnownVmHost host, TakenSnapshot taken,
            VmSnapshot parent) {
        SnapshotManifest manifest = taken.manifest();
        VmSnapshot snapshot = new VmSnapshot();
        snapshot.snapshotId = manifest.snapshotId();
        snapshot.vmId = vm.id;
        snapshot.hostId = host.id;
        snapshot.kind = manifest.kind();
        snapshot.parentId = manifest.parentSnapshotId();
        snapshot.chainId = parent == null || manifest.kind() == SnapshotKind.FULL ? manifest.snapshotId()
                : parent.chainId;
        snapshot.fileName = manifest.file();
        snapshot.bytes = manifest.bytes();
        snapshot.sha256 = manifest.sha256();
        snapshot.virtualSize = manifest.virtualSize();
        snapshot.changedBytes = taken.changedBytes();
        snapshot.consistency = taken.consistency();
        snapshot.fullBecause = taken.fullBecause();
        snapshot.takenAt = manifest.takenAt();
        snapshot.drHostId = operation.replicate ? operation.drHostId : null;
        em.persist(snapshot);
        if (snapshot.kind == SnapshotKind.INCREMENTAL && parent != null) {
            measures.record(vm.id, snapshot.snapshotId, parent.takenAt, snapshot.takenAt, snapshot.changedBytes);
        }
        events.publish(vm.id, vm.name, new SnapshotTaken(vm.id, vm.name, snapshot.snapshotId, snapshot.kind.name(),
                snapshot.parentId, host.id, snapshot.bytes, snapshot.changedBytes, snapshot.consistency.name(),
                snapshot.fullBecause, snapshot.takenAt, operation.id));
        return snapshot;
    }

    /** Records the failure and tells the other services, with the stage it failed at. */
    @Transactional
    public void failed(VmOperation operation, String reason) {
        KnownVm vm = em.find(KnownVm.class, operation.vmId);
        String name = vm == null ? operation.vmId : vm.name;
        boolean taken = em.find(VmSnapshot.class, operation.snapshotId) != null;
        events.publish(operation.vmId, name, new SnapshotFailed(operation.vmId, name, operation.snapshotId,
                taken ? "REPLICATION" : "SNAPSHOT", reason, operation.id));
        log.failed(operation.id, reason);
    }

    private static String describe(VmSnapshot snapshot) {
        String kind = snapshot.kind == SnapshotKind.FULL ? "full" : "incremental";
        return kind + " " + snapshot.snapshotId + " taken (" + snapshot.changedBytes + " bytes "
                + (snapshot.kind == SnapshotKind.FULL ? "of data" : "changed") + ", file " + snapshot.bytes
                + " bytes)" + (snapshot.fullBecause == null ? "" : ": " + snapshot.fullBecause);
    }

    private KnownVm vm(String id) {
        KnownVm vm = QuarkusTransaction.requiringNew().call(() -> em.find(KnownVm.class, id));
        if (vm == null) {
            throw new IllegalStateException("the inventory no longer knows VM " + id);
        }
        return vm;
    }
}
