package io.wfdr.snapshot.service;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.SnapshotManifest;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.messaging.SnapshotEvents;
import io.wfdr.snapshot.messaging.SnapshotReplicated;
import io.wfdr.snapshot.messaging.SnapshotVerified;
import io.wfdr.snapshot.replication.ReplicaStore;
import io.wfdr.snapshot.replication.Shipment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Replicates a snapshot to the DR VM host: every snapshot of its chain the DR host does not yet hold verified is
 * shipped, oldest first (a replica is only usable with its parents), each file with its manifest; a shipment is
 * hashed while sent and again from what the DR end stored, and only a replica whose SHA-256 there equals the one
 * recorded when the snapshot was taken is marked verified (good). An
 * interrupted shipment resumes from what the DR host already holds of it.
 */
@ApplicationScoped
public class Replication {

    private final EntityManager em;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final SnapshotEvents events;
    private final OperationLog log;
    private final Clock clock;

    Replication(EntityManager em, SnapshotCatalog catalog, HostAdapters adapters, SnapshotEvents events,
            OperationLog log, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.adapters = adapters;
        this.events = events;
        this.log = log;
        this.clock = clock;
    }

    /** @return what was shipped, in words */
    public String replicate(VmOperation operation, KnownVm vm, VmSnapshot snapshot, FolderDatastore source)
            throws IOException {
        List<VmSnapshot> chain = catalog.chain(snapshot.snapshotId);
        long shipped = 0;
        int count = 0;
        try (ReplicaStore replicas = adapters.replicas(catalog.datastore(catalog.host(operation.drHostId)),
                vm.currentName)) {
            for (VmSnapshot link : chain) {
                if (link.good() && operation.drHostId.equals(link.drHostId)) {
                    continue;
                }
                shipped += ship(operation, vm, link, source, replicas);
                count++;
            }
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e.getMessage(), e);
        }
        return "replicated to the DR host and verified there (" + count + " file" + (count == 1 ? "" : "s") + ", "
                + shipped + " bytes shipped)";
    }

    private long ship(VmOperation operation, KnownVm vm, VmSnapshot link, FolderDatastore source,
            ReplicaStore replicas) throws IOException {
        SnapshotManifest manifest = source.read(link.snapshotId).orElseThrow(() -> new IOException(
                "snapshot " + link.snapshotId + " has no manifest at " + source.folder() + " any more"));
        Shipment shipment = replicas.ship(source.file(manifest), manifest.file());
        replicas.writeManifest(manifest);
        String atDr = shipment.sha256();
        boolean good = atDr.equals(manifest.sha256());
        QuarkusTransaction.requiringNew().run(() -> record(operation, vm, link, shipment, atDr, good));
        if (!good) {
            throw new IOException("the replica of " + manifest.file() + " at " + replicas.describe()
                    + " hashes to " + atDr + ", not to " + manifest.sha256() + "; it is not used");
        }
        return shipment.shippedBytes();
    }

    private void record(VmOperation operation, KnownVm vm, VmSnapshot link, Shipment shipment, String atDr,
            boolean good) {
        VmSnapshot snapshot = em.find(VmSnapshot.class, link.snapshotId);
        snapshot.drHostId = operation.drHostId;
        snapshot.shippedBytes = shipment.shippedBytes();
        snapshot.replicatedAt = clock.instant();
        events.publish(vm.id, vm.name, new SnapshotReplicated(vm.id, vm.name, snapshot.snapshotId,
                operation.drHostId, shipment.bytes(), shipment.shippedBytes(), shipment.resumedFrom(),
                shipment.sha256(), operation.id));
        if (good) {
            snapshot.verifiedAt = clock.instant();
            snapshot.replicaProblem = null;
            events.publish(vm.id, vm.name, new SnapshotVerified(vm.id, vm.name, snapshot.snapshotId,
                    operation.drHostId, atDr, snapshot.verifiedAt, operation.id));
        } else {
            snapshot.verifiedAt = null;
            snapshot.replicaProblem = "the replica hashes to " + atDr + " at the DR host, not to " + snapshot.sha256;
        }
        log.progress(operation.id, 90, "replicated " + snapshot.snapshotId);
    }
}
