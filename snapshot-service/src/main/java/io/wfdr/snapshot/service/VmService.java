package io.wfdr.snapshot.service;

import java.math.BigDecimal;
import java.util.List;

import io.wfdr.snapshot.api.DrHostView;
import io.wfdr.snapshot.api.SiteView;
import io.wfdr.snapshot.api.VmHostView;
import io.wfdr.snapshot.api.VmView;
import io.wfdr.snapshot.domain.DrHostChoice;
import io.wfdr.snapshot.domain.HourMinute;
import io.wfdr.snapshot.domain.KnownSite;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import io.wfdr.snapshot.domain.SnapshotPolicy;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The VMs and VM hosts the inventory announced, as the snapshot service sees them. */
@ApplicationScoped
public class VmService {

    private final EntityManager em;
    private final DrHosts drHosts;

    VmService(EntityManager em, DrHosts drHosts) {
        this.em = em;
        this.drHosts = drHosts;
    }

    @Transactional
    public Page<VmView> list(int page, int size) {
        long total = em.createQuery("select count(v) from KnownVm v", Long.class).getSingleResult();
        if ((long) page * size >= total) {
            return new Page<>(List.of(), page, size, total);
        }
        return new Page<>(em.createQuery("from KnownVm order by currentName, id", KnownVm.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(this::view).toList(),
                page, size, total);
    }

    @Transactional
    public VmView get(String id) {
        return view(vm(id));
    }

    @Transactional
    public Page<VmHostView> hosts(int page, int size) {
        long total = em.createQuery("select count(h) from KnownVmHost h", Long.class).getSingleResult();
        if ((long) page * size >= total) {
            return new Page<>(List.of(), page, size, total);
        }
        return new Page<>(em.createQuery("from KnownVmHost order by name, id", KnownVmHost.class)
                .setFirstResult(page * size).setMaxResults(size).getResultList().stream().map(this::view).toList(),
                page, size, total);
    }

    /** The VM, or a 404. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KnownVm vm(String id) {
        KnownVm vm = id == null ? null : em.find(KnownVm.class, id);
        if (vm == null) {
            throw new NotFoundProblem("VM", id);
        }
        return vm;
    }

    /** The DR host a VM's snapshots go to: its policy's when it has one, else the one its DR site makes plain. */
    DrHostView drHost(KnownVm vm, SnapshotPolicy policy) {
        if (policy != null) {
            KnownVmHost host = policy.replicate && policy.drHostId != null
                    ? em.find(KnownVmHost.class, policy.drHostId) : null;
            return host == null ? null : drHostView(host,
                    policy.drHostNamed ? DrHostView.ChosenBy.POLICY : DrHostView.ChosenBy.DR_SITE);
        }
        DrHostChoice choice = drHosts.of(vm);
        return choice.unique() ? drHostView(choice.host(), DrHostView.ChosenBy.DR_SITE) : null;
    }

    DrHostView drHostView(KnownVmHost host, DrHostView.ChosenBy chosenBy) {
        KnownSite site = em.find(KnownSite.class, host.siteId);
        return new DrHostView(host.id, host.name, host.hypervisor, host.siteId, site == null ? null : site.name,
                chosenBy);
    }

    private VmView view(KnownVm vm) {
        KnownVmHost host = vm.hostId == null ? null : em.find(KnownVmHost.class, vm.hostId);
        KnownSite site = em.find(KnownSite.class, vm.siteId);
        SnapshotPolicy policy = em.find(SnapshotPolicy.class, vm.id);
        DrHostView drHost = drHost(vm, policy);
        String drHostNote = null;
        if (drHost == null) {
            if (policy == null) {
                drHostNote = drHosts.of(vm).whyNone(vm);
            } else if (!policy.replicate) {
                drHostNote = "The policy does not replicate";
            } else {
                drHostNote = "The policy's DR VM host " + policy.drHostId + " is no longer in the inventory";
            }
        }
        VmView.PolicySummary summary = policy == null
                ? new VmView.PolicySummary(VmView.PolicyState.NONE, null, null, null, null, null)
                : new VmView.PolicySummary(policy.paused ? VmView.PolicyState.PAUSED : VmView.PolicyState.ACTIVE,
                        policy.fullWindowStart.format(HourMinute.FORMAT), policy.fullWindowEnd.format(HourMinute.FORMAT),
                        policy.zone, policy.incrementalEveryMinutes, policy.replicate);
        return new VmView(vm.id, vm.name, vm.currentName, vm.state, vm.cpus, plain(vm.memoryGb), vm.environmentId,
                vm.hostId,
                host == null ? null : new VmView.VmHostRef(host.id, host.name, host.hypervisor, host.connectionRef),
                vm.siteId, site == null ? null : new SiteView(site.id, site.name, site.role), drHost, drHostNote,
                summary);
    }

    /** 64.00 as 64, 0.50 as 0.5: the figure the inventory was given, without the column's scale. */
    private static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private VmHostView view(KnownVmHost host) {
        KnownSite site = em.find(KnownSite.class, host.siteId);
        long vms = em.createQuery("select count(v) from KnownVm v where v.hostId = :host", Long.class)
                .setParameter("host", host.id).getSingleResult();
        return new VmHostView(host.id, host.name, host.hypervisor, host.connectionRef, host.siteId,
                site == null ? null : new SiteView(site.id, site.name, site.role), vms);
    }
}
