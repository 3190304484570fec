package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.OdbcDsn;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class DsnRepository implements PanacheRepositoryBase<OdbcDsn, String> {

    public OdbcDsn require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("ODBC DSN", id));
    }
}
