package io.wfdr.snapshot.service;

import java.util.List;
import java.util.Optional;

import io.wfdr.snapshot.domain.HostDatastore;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.VmSnapshot;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The snapshots taken, and the hosts and datastores a snapshot operation needs, found or refused in words. */
@ApplicationScoped
public class SnapshotCatalog {

    private final EntityManager em;

    SnapshotCatalog(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<VmSnapshot> of(String vmId) {
        return em.createQuery("from VmSnapshot where vmId = :vm order by takenAt desc, snapshotId", VmSnapshot.class)
                .setParameter("vm", vmId).getResultList();
    }

    @Transactional
    public Optional<VmSnapshot> find(String snapshotId) {
        return Optional.ofNullable(em.find(VmSnapshot.class, snapshotId));
    }

    /** The newest snapshot of the VM taken on this host: what an incremental is taken on. */
    @Transactional
    public Optional<VmSnapshot> newestOn(String vmId, String hostId) {
        return em.createQuery("from VmSnapshot where vmId = :vm and hostId = :host order by takenAt desc, snapshotId",
                VmSnapshot.class).setParameter("vm", vmId).setParameter("host", hostId).setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The newest snapshot of the VM that is good at this DR host: replicated there and verified. */
    @Transactional
    public Optional<VmSnapshot> newestGoodAt(String vmId, String drHostId) {
        return em.createQuery("from VmSnapshot where vmId = :vm and drHostId = :dr and verifiedAt is not null "
                + "and replicaProblem is null and expiredAtDr is null order by takenAt desc, snapshotId", VmSnapshot.class)
                .setParameter("vm", vmId).setParameter("dr", drHostId).setMaxResults(1).getResultStream().findFirst();
    }

    /** The snapshot and its ancestors down to its full, the full first. */
    @Transactional
    public List<VmSnapshot> chain(String snapshotId) {
        java.util.LinkedList<VmSnapshot> chain = new java.util.LinkedList<>();
        for (VmSnapshot at = em.find(VmSnapshot.class, snapshotId); at != null;
                at = at.parentId == null ? null : em.find(VmSnapshot.class, at.parentId)) {
            chain.addFirst(at);
        }
        return chain;
    }

    @Transactional
    public KnownVmHost host(String hostId) {
        KnownVmHost host = hostId == null ? null : em.find(KnownVmHost.class, hostId);
        if (host == null) {
            throw new NotFoundProblem("VM host", hostId);
        }
        return host;
    }

    /** The host the VM runs on, refused when the inventory has not recorded it or wfdr cannot work with it. */
    @Transactional
    public KnownVmHost hostOf(KnownVm vm) {
        if (vm.hostId == null) {
            throw new ConflictProblem("the inventory has not recorded which VM host " + vm.name + " runs on");
        }
        KnownVmHost host = em.find(KnownVmHost.class, vm.hostId);
        if (host == null) {
            throw new ConflictProblem(vm.name + " runs on host " + vm.hostId + ", which the inventory has not "
                    + "announced as a VM host");
        }
        String why = HostAdapters.unsupported(host);
        if (why != null) {
            throw new ConflictProblem(why);
        }
        return host;
    }

    @Transactional
    public HostDatastore datastore(KnownVmHost host) {
        HostDatastore datastore = em.find(HostDatastore.class, host.id);
        if (datastore == null) {
            throw new ConflictProblem("no datastore folders are set for VM host " + host.name + " (PUT /api/vm-hosts/"
                    + host.id + "/datastore)");
        }
        return datastore;
    }
}
