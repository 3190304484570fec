package io.wfdr.snapshot.service;

import java.io.IOException;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.VmFailedBack;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Moves a VM that runs at the DR host back to a production host (the guide: run at DR until a production host is
 * back). The VM is paused, so nothing it writes can fall after the last snapshot; that snapshot (an incremental on
 * what it has at the DR host, or a full) is replicated to the production host and verified there; then the VM is
 * stopped at DR, any old definition of it at the production host is removed (its disk kept aside), the VM is
 * created there from the replicas and started, and the inventory is asked to rehost it. Until it is stopped at DR
 * a failure leaves it running there as before (paused VMs are resumed).
 */
@ApplicationScoped
public class FailbackRun {

    private final EntityManager em;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final SnapshotRun snapshots;
    private final SnapshotEvents events;
    private final EventOutbox outbox;
    private final OperationLog log;

    FailbackRun(EntityManager em, SnapshotCatalog catalog, HostAdapters adapters, SnapshotRun snapshots,
            SnapshotEvents events, EventOutbox outbox, OperationLog log) {
        this.em = em;
        this.catalog = catalog;
        this.adapters = adapters;
        this.snapshots = snapshots;
        this.events = events;
        this.outbox = outbox;
        this.log = log;
    }

    public void run(VmOperation operation) throws IOException {
        KnownVm vm = QuarkusTransaction.requiringNew().call(() -> em.find(KnownVm.class, operation.vmId));
        KnownVmHost here = catalog.host(operation.hostId);
        KnownVmHost back = catalog.host(operation.drHostId);
        Hypervisor dr = adapters.hypervisor(here);
        Hypervisor production = adapters.hypervisor(back);
        log.progress(operation.id, 10, "pausing " + vm.name + " on " + here.name + " for its last snapshot there");
        dr.pause(vm.currentName);
        SnapshotRun.Done last;
        try {
            last = snapshots.takeAndReplicate(operation);
        } catch (IOException | RuntimeException e) {
            dr.start(vm.currentName);
            throw e;
        }
        log.progress(operation.id, 70, last.outcome() + "; stopping " + vm.name + " on " + here.name);
        dr.stop(vm.currentName);
        HostDatastore datastore = catalog.datastore(back);
        String disk = VmRebuilder.diskOf(datastore.diskFolder, vm.currentName);
        production.undefine(vm.currentName);
        SnapshotManifest manifest;
        VmRebuilder.Rebuilt rebuilt;
        try (ReplicaStore replicas = adapters.replicas(datastore, vm.currentName)) {
            if (replicas.exists(disk)) {
                replicas.setAside(disk, vm.currentName + ".qcow2.before-failback-" + operation.id);
            }
            manifest = replicas.manifest(last.snapshot().snapshotId).orElseThrow(() -> new IOException(
                    "the replica of " + last.snapshot().snapshotId + " has no manifest at " + replicas.describe()));
            rebuilt = new VmRebuilder().rebuild(manifest, replicas, production, datastore.diskFolder,
                    adapters.workFolder("failback"));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            events.publish(vm.id, vm.name, new VmFailedBack(vm.id, vm.name, manifest.snapshotId(), here.id, back.id,
                    rebuilt.disk(), operation.id));
            ObjectNode command = JsonNodeFactory.instance.objectNode().put("serverId", vm.id).put("hostId", back.id)
                    .put("operationId", operation.id).put("reason", "failed back to " + back.name + " from "
                            + here.name + " with snapshot " + manifest.snapshotId());
            outbox.record(Topics.commands("inventory"), vm.id, "server/" + vm.id, RebuildRun.REHOST, command);
            log.succeeded(operation.id, manifest.snapshotId(), vm.name + " runs on " + back.name + " again from "
                    + manifest.snapshotId() + " (" + last.outcome() + ")");
        });
    }
}
