package io.wfdr.restore.service;

import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownPair;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The SQL Server a database is restored on: the one named, or the DR server paired with the database's server. */
@ApplicationScoped
public class RestoreTargets {

    private final EntityManager em;

    RestoreTargets(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public KnownServer of(KnownDatabase database, String targetServerId) {
        if (targetServerId != null) {
            KnownServer named = em.find(KnownServer.class, targetServerId);
            if (named == null) {
                new Violations().add("targetServerId", "the inventory has no server with this id")
                        .throwIfAny("The restore plan");
            }
            return named;
        }
        KnownServer dr = pairedDrServer(database);
        if (dr == null) {
            throw new ConflictProblem("the server of " + database.name + " has no known DR server paired with it in "
                    + "the inventory; name the target with targetServerId");
        }
        return dr;
    }

    /** The DR server paired with the database's server, or null when there is none (or it is not known yet). */
    @Transactional(Transactional.TxType.MANDATORY)
    public KnownServer pairedDrServer(KnownDatabase database) {
        return em.createQuery("from KnownPair where productionServerId = ?1", KnownPair.class)
                .setParameter(1, database.serverId).getResultList().stream().findFirst()
                .map(pair -> em.find(KnownServer.class, pair.drServerId)).orElse(null);
    }
}
