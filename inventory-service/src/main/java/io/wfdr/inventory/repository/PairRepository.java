package io.wfdr.inventory.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.PairWithNames;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<ServerPair, String> {

    /** Pairs with their servers' names in one query, rather than two server lookups per pair. */
    private static final String WITH_NAMES = "select new io.wfdr.inventory.domain.PairWithNames(p, production.name, "
            + "dr.name) from ServerPair p join Server production on production.id = p.productionServerId "
            + "join Server dr on dr.id = p.drServerId";

    public ServerPair require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Server pair", id));
    }

    public PairWithNames requireWithNames(String id) {
        return getEntityManager().createQuery(WITH_NAMES + " where p.id = :id", PairWithNames.class)
                .setParameter("id", id).setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundProblem("Server pair", id));
    }

    /**
     * One page of pairs in pairing order, read-only. Within one environment the order is written as (environment,
     * paired at, id), the same order, so that the index ix_pair_environment_order serves it.
     */
    public List<PairWithNames> page(ListFilter filter, int page, int size) {
        List<String> order = filter.filters("environmentId") ? List.of("environmentId", "pairedAt", "id")
                : List.of("pairedAt", "id");
        return filter.page(getEntityManager(), PairWithNames.class, WITH_NAMES, "p", "ServerPair", order, page,
                size);
    }

    public long count(ListFilter filter) {
        return filter.count(getEntityManager(), "ServerPair");
    }
}
