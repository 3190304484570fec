package io.wfdr.restore.service;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.wfdr.restore.config.RunbookConfig;
import io.wfdr.restore.domain.RunbookStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The claim one instance holds on a runbook while it works on it. Claiming is one conditional UPDATE, so of two
 * instances reaching for the same runbook exactly one gets it; a claim not renewed within the lease (the instance
 * died) can be taken over.
 */
@ApplicationScoped
public class RunbookLeases {

    private static final List<RunbookStatus> RUNNABLE = List.of(RunbookStatus.QUEUED, RunbookStatus.RUNNING);

    private final EntityManager em;
    private final Clock clock;
    private final RunbookConfig config;
    private final RunbookInstance instance;

    RunbookLeases(EntityManager em, Clock clock, RunbookConfig config, RunbookInstance instance) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.instance = instance;
    }

    @Transactional
    public boolean claim(String id) {
        return em.createQuery("update Runbook set owner = ?1, leaseUntil = ?2 where id = ?3 "
                + "and status in ?4 and (owner is null or owner = ?1 or leaseUntil < ?5)")
                .setParameter(1, instance.id()).setParameter(2, clock.instant().plus(config.lease()))
                .setParameter(3, id).setParameter(4, RUNNABLE).setParameter(5, clock.instant())
                .executeUpdate() == 1;
    }

    @Transactional
    public void renew(Collection<String> ids) {
        if (!ids.isEmpty()) {
            em.createQuery("update Runbook set leaseUntil = ?1 where id in ?2 and owner = ?3")
                    .setParameter(1, clock.instant().plus(config.lease())).setParameter(2, ids)
                    .setParameter(3, instance.id()).executeUpdate();
        }
    }

    /** Runbooks to work on: runnable, and unclaimed, claimed by this instance, or left by a dead one. */
    @Transactional
    public List<String> runnable(int limit) {
        return em.createQuery("select r.id from Runbook r where r.status in ?1 and (r.owner is null or r.owner = ?2 "
                + "or r.leaseUntil < ?3) order by r.createdAt", String.class).setParameter(1, RUNNABLE)
                .setParameter(2, instance.id()).setParameter(3, clock.instant()).setMaxResults(limit)
                .getResultList();
    }

    public String instance() {
        return instance.id();
    }
}
