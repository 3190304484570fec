package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Host;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class HostRepository implements PanacheRepositoryBase<Host, String> {

    public Host require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Host", id));
    }
}
