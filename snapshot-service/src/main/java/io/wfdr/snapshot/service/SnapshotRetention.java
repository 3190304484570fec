package io.wfdr.snapshot.service;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.wfdr.snapshot.datastore.FolderDatastore;
import io.wfdr.snapshot.datastore.ManifestFiles;
import io.wfdr.snapshot.domain.ChainRetention;
import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.snapshot.replication.ReplicaStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

/**
 * Applies {@link ChainRetention} to each VM with a policy, at both ends: at the VM's host the newest {@code
 * fullChainsToKeepAtSource} chains of the snapshots taken there stay, at the DR VM host the newest {@code
 * fullChainsToKeepAtDr} of the replicas there. A dropped chain goes whole, newest snapshot first (so no
 * incremental is ever left without its parent), file then manifest; its catalog rows stay, marked expired at that
 * end. The chain holding the VM's newest good snapshot is never dropped at either end, whatever the counts say. A
 * file that cannot be deleted leaves its snapshot unmarked, and the rest of the chain waits for the next run.
 */
@ApplicationScoped
public class SnapshotRetention {

    private static final Logger LOG = Logger.getLogger(SnapshotRetention.class);

    private final EntityManager em;
    private final SnapshotCatalog catalog;
    private final HostAdapters adapters;
    private final Clock clock;

    SnapshotRetention(EntityManager em, SnapshotCatalog catalog, HostAdapters adapters, Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.adapters = adapters;
        this.clock = clock;
    }

    /** What one run dropped: the snapshot ids expired at the source and at DR. */
    public record Applied(List<String> expiredAtSource, List<String> expiredAtDr) {
    }

    @Scheduled(every = "${wfdr.snapshot.retention-tick:10m}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void applyAll() {
        List<String> vms = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select p.vmId from SnapshotPolicy p where p.paused = false order by p.vmId", String.class)
                .getResultList());
        for (String vmId : vms) {
            try {
                apply(vmId);
            } catch (RuntimeException | IOException e) {
                LOG.warnf(e, "Retention of VM %s failed this time: %s", vmId, e.getMessage());
            }
        }
    }

    public Applied apply(String vmId) throws IOException {
        record Facts(KnownVm vm, SnapshotPolicy policy, List<VmSnapshot> snapshots, HostDatastore source,
                HostDatastore dr) {
        }
        Facts facts = QuarkusTransaction.requiringNew().call(() -> {
            KnownVm vm = em.find(KnownVm.class, vmId);
            SnapshotPolicy policy = em.find(SnapshotPolicy.class, vmId);
            if (vm == null || policy == null) {
                return null;
            }
            HostDatastore source = vm.hostId == null ? null : em.find(HostDatastore.class, vm.hostId);
            HostDatastore dr = policy.drHostId == null ? null : em.find(HostDatastore.class, policy.drHostId);
            return new Facts(vm, policy, catalog.of(vmId), source, dr);
        });
        if (facts == null) {
            return new Applied(List.of(), List.of());
        }
        String protectedChain = facts.snapshots().stream().filter(VmSnapshot::good).findFirst()
                .map(s -> s.chainId).orElse(null);
        List<String> atSource = new ArrayList<>();
        List<String> atDr = new ArrayList<>();
        if (facts.source() != null) {
            List<VmSnapshot> here = facts.snapshots().stream()
                    .filter(s -> s.hostId.equals(facts.vm().hostId) && s.expiredAtSource == null).toList();
            FolderDatastore store = HostAdapters.snapshots(facts.source(), facts.vm().currentName);
            for (ChainRetention.Chain chain : dropped(here, facts.policy().fullChainsToKeepAtSource,
                    protectedChain)) {
                for (ChainRetention.Link link : chain.newestFirst()) {
                    VmSnapshot snapshot = find(here, link.snapshotId());
                    Files.deleteIfExists(store.folder().resolve(snapshot.fileName));
                    Files.deleteIfExists(store.folder().resolve(ManifestFiles.nameOf(snapshot.snapshotId)));
                    mark(snapshot.snapshotId, true);
                    atSource.add(snapshot.snapshotId);
                }
            }
        }
        if (facts.dr() != null) {
            List<VmSnapshot> there = facts.snapshots().stream()
                    .filter(s -> facts.policy().drHostId.equals(s.drHostId) && s.replicatedAt != null
                            && s.expiredAtDr == null).toList();
            List<ChainRetention.Chain> dropped = dropped(there, facts.policy().fullChainsToKeepAtDr, protectedChain);
            if (!dropped.isEmpty()) {
                try (ReplicaStore replicas = adapters.replicas(facts.dr(), facts.vm().currentName)) {
                    for (ChainRetention.Chain chain : dropped) {
                        for (ChainRetention.Link link : chain.newestFirst()) {
                            VmSnapshot snapshot = find(there, link.snapshotId());
                            replicas.delete(snapshot.fileName);
                            replicas.deleteManifest(snapshot.snapshotId);
                            mark(snapshot.snapshotId, false);
                            atDr.add(snapshot.snapshotId);
                        }
                    }
                }
            }
        }
        if (!atSource.isEmpty() || !atDr.isEmpty()) {
            LOG.infof("Retention of %s dropped %d snapshot(s) at its host and %d at the DR VM host, whole chains",
                    facts.vm().name, atSource.size(), atDr.size());
        }
        return new Applied(atSource, atDr);
    }

    /** The chains the plan drops, less the one holding the newest good snapshot. */
    static List<ChainRetention.Chain> dropped(List<VmSnapshot> snapshots, int keep, String protectedChain) {
        ChainRetention.Plan plan = ChainRetention.plan(snapshots.stream().map(s -> new ChainRetention.Link(
                s.snapshotId, s.kind, s.parentId, s.takenAt)).toList(), Math.max(1, keep));
        if (!plan.orphans().isEmpty()) {
            LOG.warnf("Retention neither keeps nor drops %d snapshot(s) whose chain does not lead back to a full: %s",
                    plan.orphans().size(), plan.orphans().stream().map(ChainRetention.Link::snapshotId).toList());
        }
        return plan.dropped().stream().filter(c -> !c.full().snapshotId().equals(protectedChain)).toList();
    }

    private static VmSnapshot find(List<VmSnapshot> snapshots, String id) {
        return snapshots.stream().filter(s -> s.snapshotId.equals(id)).findFirst().orElseThrow();
    }

    private void mark(String snapshotId, boolean atSource) {
        QuarkusTransaction.requiringNew().run(() -> {
            VmSnapshot snapshot = em.find(VmSnapshot.class, snapshotId);
            if (atSource) {
                snapshot.expiredAtSource = clock.instant();
            } else {
                snapshot.expiredAtDr = clock.instant();
            }
        });
    }

}
