package io.wfdr.inventory.service;

import java.time.Clock;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.DeploymentRequest;
import io.wfdr.inventory.api.DeploymentView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Deployment;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.messaging.DeploymentRecorded;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.DeploymentRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Which Workflow processes and forms, at which version, are deployed on which Workflow server. Recording a
 * deployment of an artifact the server already has replaces its version. Every recording re-checks drift.
 */
@ApplicationScoped
public class DeploymentService {

    static final String ENTITY = "deployment";

    private final DeploymentRepository deployments;
    private final ServerRepository servers;
    private final DriftService drift;
    private final InventoryEvents events;
    private final Clock clock;

    DeploymentService(DeploymentRepository deployments, ServerRepository servers, DriftService drift,
            InventoryEvents events, Clock clock) {
        this.deployments = deployments;
        this.servers = servers;
        this.drift = drift;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Page<DeploymentView> list(String environmentId, String serverId, int page, int size) {
        PanacheQuery<Deployment> query = Scopes.ofServerOrEnvironment(deployments, environmentId, serverId,
                Sort.by("kind").and("name"));
        return Page.of(query, page, size, Views::of);
    }

    @Transactional
    public DeploymentView get(String id) {
        return Views.of(deployments.require(id));
    }

    @Transactional
    public DeploymentView record(DeploymentRequest request) {
        Server server = servers.findById(request.serverId());
        Violations violations = new Violations();
        if (server == null) {
            violations.add("serverId", "no server has the id " + request.serverId());
        }
        checkServer("", "serverId", server, violations);
        violations.throwIfAny("The deployment");
        Deployment deployment = record(server, request);
        drift.recheckPairsOf(server.id);
        return Views.of(deployment);
    }

    /** Also used by the bulk import; the caller re-checks drift. */
    Deployment record(Server server, DeploymentRequest request) {
        Deployment deployment = deployments
                .find("serverId = ?1 and kind = ?2 and name = ?3", server.id, request.kind(), request.name())
                .firstResultOptional().orElseGet(() -> newDeployment(server, request));
        deployment.version = request.version();
        deployment.deployedAt = clock.instant();
        if (!deployments.isPersistent(deployment)) {
            deployments.persist(deployment);
        }
        events.publish(deployment.id, "server/" + server.name + "/" + deployment.artifact(),
                new DeploymentRecorded(Views.of(deployment)));
        return deployment;
    }

    @Transactional
    public void remove(String id) {
        Deployment deployment = deployments.require(id);
        deployments.delete(deployment);
        events.removed(ENTITY, id, deployment.artifact(), Views.of(deployment));
        drift.recheckPairsOf(deployment.serverId);
    }

    static void checkServer(String path, String field, Server server, Violations v) {
        if (server != null && !server.isWorkflowServer()
                && !server.hasRole(io.wfdr.inventory.domain.ServerRole.WORKFLOW_WEB_SERVER)) {
            v.add(path + field, "server " + server.name + " is not a Workflow server; processes and forms are "
                    + "deployed to the Workflow iProcess Engine or Web Server");
        }
    }

    private static Deployment newDeployment(Server server, DeploymentRequest request) {
        Deployment deployment = new Deployment();
        deployment.id = UUID.randomUUID().toString();
        deployment.serverId = server.id;
        deployment.environmentId = server.environmentId;
        deployment.kind = request.kind();
        deployment.name = request.name();
        return deployment;
    }
}
