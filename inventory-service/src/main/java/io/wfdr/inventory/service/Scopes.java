package io.wfdr.inventory.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** The common list filter of things that live on a server: of one server, of one environment, or all. */
final class Scopes {

    private Scopes() {
    }

    static <E> PanacheQuery<E> ofServerOrEnvironment(PanacheRepositoryBase<E, String> repository,
            String environmentId, String serverId, Sort sort) {
        if (serverId != null) {
            return repository.find("serverId", sort, serverId);
        }
        return environmentId != null ? repository.find("environmentId", sort, environmentId)
                : repository.findAll(sort);
    }
}
