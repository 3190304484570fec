package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Database;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DatabaseRepository implements PanacheRepositoryBase<Database, String> {

    public Database require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Database", id));
    }
}
