package io.wfdr.snapshot.service;

import java.io.IOException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.VmReverted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** One revert operation: the VM's disk back to the chosen snapshot on its own host ({@link VmReverter}). */
@ApplicationScoped
public class RevertRun {

    private final EntityManager em;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final SnapshotEvents events;
    private final OperationLog log;

    RevertRun(EntityManager em, SnapshotCatalog catalog, HostAdapters adapters, SnapshotEvents events,
            OperationLog log) {
        this.em = em;
        this.catalog = catalog;
        this.adapters = adapters;
        this.events = events;
        this.log = log;
    }

    public void run(VmOperation operation) throws IOException {
        KnownVm vm = QuarkusTransaction.requiringNew().call(() -> em.find(KnownVm.class, operation.vmId));
        KnownVmHost host = catalog.host(operation.hostId);
        VmReverter.Reverted reverted;
        SnapshotManifest snapshot;
        try (ReplicaStore store = adapters.replicas(HostAdapters.mountedHere(catalog.datastore(host), host),
                vm.currentName)) {
            snapshot = store.manifest(operation.snapshotId).orElseThrow(() -> new IOException(
                    "snapshot " + operation.snapshotId + " has no manifest at " + store.describe()));
            log.progress(operation.id, 10, "checking " + snapshot.snapshotId() + "'s chain, then stopping "
                    + vm.name);
            reverted = new VmReverter(adapters.hypervisor(host), adapters.qemuImg(), adapters.folders())
                    .revert(vm.currentName, snapshot, store);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.publish(vm.id, vm.name, new VmReverted(vm.id, vm.name, snapshot.snapshotId(), host.id,
                    reverted.keptAside().toString(), operation.id));
            log.succeeded(operation.id, snapshot.snapshotId(), vm.name + " reverted to " + snapshot.snapshotId()
                    + " and started; its disk before the revert is kept as " + reverted.keptAside()
                    + "; the next snapshot is a full");
        });
    }
}
