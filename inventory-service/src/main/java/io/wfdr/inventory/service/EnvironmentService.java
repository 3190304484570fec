package io.wfdr.inventory.service;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.EnvironmentRequest;
import io.wfdr.inventory.api.EnvironmentView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Environment;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.EnvironmentRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class EnvironmentService {

    static final String ENTITY = "environment";

    private final EnvironmentRepository environments;
    private final References references;
    private final InventoryEvents events;

    EnvironmentService(EnvironmentRepository environments, References references, InventoryEvents events) {
        this.environments = environments;
        this.references = references;
        this.events = events;
    }

    @Transactional
    public Page<EnvironmentView> list(int page, int size) {
        PanacheQuery<Environment> query = environments.findAll(Sort.by("name"));
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public EnvironmentView get(String id) {
        return Views.of(environments.require(id));
    }

    @Transactional
    public EnvironmentView register(EnvironmentRequest request) {
        requireUniqueName(request.name(), "");
        Environment environment = create(request.name(), request.description());
        return Views.of(environment);
    }

    /** Also used by the bulk import, inside its transaction. */
    Environment create(String name, String description) {
        Environment environment = new Environment();
        environment.id = UUID.randomUUID().toString();
        environment.name = name;
        environment.description = description;
        environments.persist(environment);
        events.registered(ENTITY, environment.id, name, Views.of(environment));
        return environment;
    }

    @Transactional
    public EnvironmentView update(String id, EnvironmentRequest request) {
        Environment environment = environments.require(id);
        requireUniqueName(request.name(), id);
        environment.name = request.name();
        environment.description = request.description();
        EnvironmentView view = Views.of(environment);
        events.updated(ENTITY, id, environment.name, view);
        return view;
    }

    @Transactional
    public void remove(String id) {
        Environment environment = environments.require(id);
        List<String> users = references.usersOfEnvironment(id);
        if (!users.isEmpty()) {
            throw new ConflictProblem("Environment " + environment.name + " still has " + String.join(", ", users)
                    + "; remove those first");
        }
        environments.delete(environment);
        events.removed(ENTITY, id, environment.name, Views.of(environment));
    }

    boolean nameTaken(String name) {
        return environments.count("name", name) > 0;
    }

    private void requireUniqueName(String name, String exceptId) {
        if (environments.count("name = ?1 and id <> ?2", name, exceptId) > 0) {
            throw new ConflictProblem("An environment named " + name + " already exists");
        }
    }
}
