package io.wfdr.inventory.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.wfdr.inventory.domain.Site;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SiteRepository implements PanacheRepositoryBase<Site, String> {

    public Site require(String id) {
        return findByIdOptional(id).orElseThrow(() -> new NotFoundProblem("Site", id));
    }
}
