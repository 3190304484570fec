package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class PairRepository implements PanacheRepositoryBase<ServerPair, String> {

    public ServerPair require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Server pair", id));
    }
}
