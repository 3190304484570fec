package io.wfdr.inventory.service;

import java.util.List;
import java.util.stream.Collectors;

import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.HostKind;
import io.wfdr.inventory.domain.MachineType;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.messaging.ServerRehosted;
import io.wfdr.inventory.repository.HostRepository;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Problem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The snapshot service rebuilt a virtual machine of a lost VM host on another VM host (the DR host) from its
 * replicated snapshots, or moved it back at failback: the server now runs on that host, at that host's site. In one
 * transaction the server's host and site change and {@code server.updated} and {@link ServerRehosted} are published.
 * Asked again for the host the server is already on, it changes nothing and publishes nothing. Every refusal is
 * decided before anything changes, so a refused command leaves the transaction usable for its rejection.
 */
@ApplicationScoped
public class RehostService {

    static final int MAX_ID = 36;

    private final ServerRepository servers;
    private final HostRepository hosts;
    private final SiteRepository sites;
    private final PairRepository pairs;
    private final InventoryEvents events;

    RehostService(ServerRepository servers, HostRepository hosts, SiteRepository sites, PairRepository pairs,
            InventoryEvents events) {
        this.servers = servers;
        this.hosts = hosts;
        this.sites = sites;
        this.pairs = pairs;
        this.events = events;
    }

    /** @return false when the server already runs on that host, so nothing changed now */
    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public boolean rehost(RehostCommand command) {
        Server server = servers.findById(command.serverId());
        Host host = hosts.findById(command.hostId());
        Site site = host == null ? null : sites.findById(host.siteId);
        check(command, server, host, site);
        if (host.id.equals(server.hostId) && site.id.equals(server.siteId)) {
            return false;
        }
        requirePairStillHolds(server, site);
        String fromHost = server.hostId;
        String fromSite = server.siteId;
        server.hostId = host.id;
        server.siteId = site.id;
        events.updated(ServerService.ENTITY, server.id, server.name, Views.of(server));
        events.publish(server.id, ServerService.ENTITY + "/" + server.name, new ServerRehosted(server.id, server.name,
                fromHost, host.id, fromSite, site.id, command.operationId(), reason(command)));
        return true;
    }

    /** Every reason at once, in words, so the snapshot service hears them all in the rejection. */
    private static void check(RehostCommand command, Server server, Host host, Site site) {
        Violations violations = new Violations();
        if (command.operationId().length() > MAX_ID) {
            violations.add("operationId", "must be at most " + MAX_ID + " characters, was "
                    + command.operationId().length());
        }
        if (command.reason() != null && command.reason().length() > FailoverService.MAX_REASON) {
            violations.add("reason", "must be at most " + FailoverService.MAX_REASON + " characters, was "
                    + command.reason().length());
        }
        if (server == null) {
            violations.add("serverId", "no server has the id " + command.serverId());
        } else if (server.machineType != MachineType.VIRTUAL_MACHINE) {
            violations.add("serverId", "server " + server.name + " is a " + server.machineType
                    + "; only a VIRTUAL_MACHINE moves to another host");
        }
        if (host == null) {
            violations.add("hostId", "no host has the id " + command.hostId());
        } else if (host.kind != HostKind.VM_HOST) {
            violations.add("hostId", "host " + host.name + " is a " + host.kind + ", not a VM_HOST");
        }
        if (server != null && site != null && !site.environmentId.equals(server.environmentId)) {
            violations.add("hostId", "host " + host.name + " is at " + site.name + ", a site of another environment"
                    + " than server " + server.name);
        }
        List<Problem.FieldError> errors = violations.errors();
        if (!errors.isEmpty()) {
            throw new InvalidRequestProblem("The rehost of server " + command.serverId() + " to host "
                    + command.hostId() + " is refused: " + errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")), errors);
        }
    }

    /**
     * A paired server keeps its pair's rules at its new site (production at a production site, DR at a DR site), as
     * an update must; decided on the site it would move to, before it moves.
     */
    private void requirePairStillHolds(Server server, Site to) {
        pairs.find("productionServerId = ?1 or drServerId = ?1", server.id).<ServerPair>firstResultOptional()
                .ifPresent(pair -> {
                    boolean isProduction = pair.productionServerId.equals(server.id);
                    Server production = isProduction ? server : servers.require(pair.productionServerId);
                    Server dr = isProduction ? servers.require(pair.drServerId) : server;
                    Violations violations = new Violations();
                    ServerRules.checkPair("", production, isProduction ? to : sites.require(production.siteId), dr,
                            isProduction ? sites.require(dr.siteId) : to, "productionServerId", "drServerId",
                            violations);
                    if (!violations.isEmpty()) {
                        Server partner = isProduction ? dr : production;
                        throw new ConflictProblem("Server " + server.name + " is paired with " + partner.name
                                + " and running at " + to.name + " would break the pair: " + violations.errors()
                                .stream().map(Problem.FieldError::message).collect(Collectors.joining("; "))
                                + ". Fail the pair over, or unpair them first");
                    }
                });
    }

    private static String reason(RehostCommand command) {
        return command.reason() == null || command.reason().isBlank()
                ? "snapshot operation " + command.operationId() : command.reason();
    }
}
