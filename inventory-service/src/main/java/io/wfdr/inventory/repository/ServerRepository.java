package io.wfdr.inventory.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Server;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ServerRepository implements PanacheRepositoryBase<Server, String> {

    /** Whether a server has, or answers to, this name: Windows computer names are case-insensitive. */
    public boolean nameTaken(String name) {
        return count("upper(name) = upper(?1) or upper(currentName) = upper(?1)", name) > 0;
    }

    /**
     * Whether another server than this one has, or answers to, this name. The DR partner that carries a failed-over
     * production server's name does not take it from that server.
     */
    public boolean nameTakenFrom(String serverId, String name) {
        return count("id <> ?2 and (upper(name) = upper(?1) or (upper(currentName) = upper(?1) and id not in "
                + "(select p.drServerId from ServerPair p where p.productionServerId = ?2)))", name, serverId) > 0;
    }

    public Server require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Server", id));
    }

    /**
     * One page of servers in name order, read-only. Within one environment the order is written as (environment,
     * name), the same order, so that the index ix_server_list serves it.
     */
    public List<Server> page(ListFilter filter, int page, int size) {
        List<String> order = filter.filters("environmentId") ? List.of("environmentId", "name") : List.of("name");
        return filter.page(getEntityManager(), Server.class, "select s from Server s", "s", "Server", order, page,
                size);
    }

    public long count(ListFilter filter) {
        return filter.count(getEntityManager(), "Server");
    }
}
