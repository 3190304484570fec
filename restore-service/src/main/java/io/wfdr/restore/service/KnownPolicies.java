package io.wfdr.restore.service;

import io.wfdr.restore.domain.KnownPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Each database's backup policy as the backup service last announced it. */
@ApplicationScoped
public class KnownPolicies {

    private final EntityManager em;

    KnownPolicies(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void learn(KnownPolicy policy) {
        if (em.find(KnownPolicy.class, policy.databaseId) == null) {
            em.persist(policy);
        } else {
            em.merge(policy);
        }
    }
}
