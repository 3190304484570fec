package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.SqlLogin;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class LoginRepository implements PanacheRepositoryBase<SqlLogin, String> {

    public SqlLogin require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("SQL login", id));
    }
}
