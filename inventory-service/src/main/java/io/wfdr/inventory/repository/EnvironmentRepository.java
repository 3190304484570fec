package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Environment;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class EnvironmentRepository implements PanacheRepositoryBase<Environment, String> {

    public Environment require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Environment", id));
    }
}
