package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Server;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ServerRepository implements PanacheRepositoryBase<Server, String> {

    public Server require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Server", id));
    }
}
