package io.wfdr.inventory.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.SiteRequest;
import io.wfdr.inventory.api.SiteView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.EnvironmentRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class SiteService {

    static final String ENTITY = "site";

    private final SiteRepository sites;
    private final EnvironmentRepository environments;
    private final ServerRepository servers;
    private final References references;
    private final InventoryEvents events;

    SiteService(SiteRepository sites, EnvironmentRepository environments, ServerRepository servers,
            References references, InventoryEvents events) {
        this.sites = sites;
        this.environments = environments;
        this.servers = servers;
        this.references = references;
        this.events = events;
    }

    @Transactional
    public Page<SiteView> list(String environmentId, int page, int size) {
        PanacheQuery<Site> query = environmentId == null ? sites.findAll(Sort.by("name"))
                : sites.find("environmentId", Sort.by("name"), environmentId);
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public SiteView get(String id) {
        return Views.of(sites.require(id));
    }

    @Transactional
    public SiteView register(SiteRequest request) {
        if (environments.findById(request.environmentId()) == null) {
            new Violations().add("environmentId", "no environment has the id " + request.environmentId())
                    .throwIfAny("The site");
        }
        Site site = new Site();
        site.id = UUID.randomUUID().toString();
        apply(site, request);
        sites.persist(site);
        SiteView view = Views.of(site);
        events.registered(ENTITY, site.id, site.name, view);
        return view;
    }

    @Transactional
    public SiteView update(String id, SiteRequest request) {
        Site site = sites.require(id);
        if (!site.environmentId.equals(request.environmentId())) {
            throw new ConflictProblem("A site stays in its environment; register a new site instead");
        }
        if (site.role != request.role() && servers.count("siteId", id) > 0) {
            throw new ConflictProblem("Site " + site.name + " has servers; its role cannot change under them");
        }
        apply(site, request);
        SiteView view = Views.of(site);
        events.updated(ENTITY, id, site.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        Site site = sites.require(id);
        List<String> users = references.usersOfSite(id);
        if (!users.isEmpty()) {
            throw new ConflictProblem("Site " + site.name + " still has " + String.join(", ", users)
                    + "; remove those first");
        }
        sites.delete(site);
        events.removed(ENTITY, id, site.name, Views.of(site));
    }

    private void apply(Site site, SiteRequest request) {
        if (sites.count("environmentId = ?1 and name = ?2 and id <> ?3", request.environmentId(), request.name(),
                site.id) > 0) {
            throw new ConflictProblem("The environment already has a site named " + request.name());
        }
        site.environmentId = request.environmentId();
        site.name = request.name();
        site.role = request.role();
        site.location = request.location();
    }
}
