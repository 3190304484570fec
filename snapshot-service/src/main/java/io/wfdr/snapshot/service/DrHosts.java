package io.wfdr.snapshot.service;

import java.util.List;

import io.wfdr.snapshot.domain.DrHostChoice;
import io.wfdr.snapshot.domain.KnownSite;
import io.wfdr.snapshot.domain.KnownVm;
import io.wfdr.snapshot.domain.KnownVmHost;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Which VM host a VM's snapshots are replicated to when its policy does not name one. */
@ApplicationScoped
public class DrHosts {

    private final EntityManager em;

    DrHosts(EntityManager em) {
        this.em = em;
    }

    /**
     * The DR VM host of the VM: the one VM host at a DR site of the VM's environment (other than the VM's own host);
     * when there is none, or several, {@link DrHostChoice#whyNone} says so and a replicating policy must name one.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public DrHostChoice of(KnownVm vm) {
        List<KnownSite> drSites = em.createQuery("from KnownSite where role = :dr and environmentId = :environment",
                KnownSite.class).setParameter("dr", KnownSite.DR).setParameter("environment", vm.environmentId)
                .getResultList();
        List<String> siteIds = drSites.stream().map(site -> site.id).toList();
        List<KnownVmHost> hosts = siteIds.isEmpty() ? List.of()
                : em.createQuery("from KnownVmHost where siteId in :sites", KnownVmHost.class)
                        .setParameter("sites", siteIds).getResultList();
        return DrHostChoice.of(vm, drSites, hosts);
    }
}
