package io.wfdr.snapshot.service;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.VmRebuilt;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * One rebuild operation: every VM the inventory has on the lost host is created on the DR VM host from its newest
 * good replica there ({@link VmRebuilder}), one after the other, and the inventory is asked to record that the DR
 * host runs it now ({@code wfdr.inventory.server.rehost.v1}, in the transaction that records the VM rebuilt). A VM
 * already rebuilt by an earlier attempt is only checked running.
 */
@ApplicationScoped
public class RebuildRun {

    static final String REHOST = "wfdr.inventory.server.rehost.v1";

    private final EntityManager em;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final SnapshotEvents events;
    private final EventOutbox outbox;
    private final OperationLog log;

    RebuildRun(EntityManager em, SnapshotCatalog catalog, HostAdapters adapters, SnapshotEvents events,
            EventOutbox outbox, OperationLog log) {
        this.em = em;
        this.catalog = catalog;
        this.adapters = adapters;
        this.events = events;
        this.outbox = outbox;
        this.log = log;
    }

    public void run(VmOperation operation) throws IOException {
        KnownVmHost dr = catalog.host(operation.drHostId);
        HostDatastore drDatastore = catalog.datastore(dr);
        List<KnownVm> vms = vmsOf(operation.hostId);
        int done = 0;
        StringBuilder outcome = new StringBuilder();
        for (KnownVm vm : vms) {
            log.progress(operation.id, 100 * done / Math.max(1, vms.size()), "rebuilding " + vm.name + " on "
                    + dr.name);
            outcome.append(rebuild(operation, vm, dr, drDatastore)).append("; ");
            done++;
        }
        log.succeeded(operation.id, null, vms.isEmpty() ? "the inventory has no VMs on the lost host"
                : outcome.substring(0, outcome.length() - 2));
    }

    /** The VMs to rebuild: those on the lost host, and those an earlier attempt already moved to the DR host. */
    private List<KnownVm> vmsOf(String lostHostId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from KnownVm where hostId = :lost order by name", KnownVm.class).setParameter("lost", lostHostId)
                .getResultList());
    }

    private String rebuild(VmOperation operation, KnownVm vm, KnownVmHost dr, HostDatastore drDatastore)
            throws IOException {
        VmSnapshot good = catalog.newestGoodAt(vm.id, dr.id).orElseThrow(() -> new IOException(vm.name
                + " has no snapshot replicated to and verified at " + dr.name + "; it cannot be rebuilt there"));
        VmRebuilder.Rebuilt rebuilt;
        try (ReplicaStore replicas = adapters.replicas(drDatastore, vm.currentName)) {
            SnapshotManifest manifest = replicas.manifest(good.snapshotId).orElseThrow(() -> new IOException(
                    "the replica of " + good.snapshotId + " has no manifest at " + replicas.describe()));
            rebuilt = new VmRebuilder().rebuild(manifest, replicas, adapters.hypervisor(dr), drDatastore.diskFolder,
                    adapters.workFolder("rebuild"));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.publish(vm.id, vm.name, new VmRebuilt(vm.id, vm.name, good.snapshotId, operation.hostId, dr.id,
                    rebuilt.disk(), operation.id));
            ObjectNode command = JsonNodeFactory.instance.objectNode().put("serverId", vm.id).put("hostId", dr.id)
                    .put("operationId", operation.id).put("reason", "rebuilt on " + dr.name + " from snapshot "
                            + good.snapshotId + " after the loss of its VM host");
            outbox.record(Topics.commands("inventory"), vm.id, "server/" + vm.id, REHOST, command);
        });
        return vm.name + " runs on " + dr.name + " from " + good.snapshotId + " (taken " + good.takenAt + ")";
    }
}
