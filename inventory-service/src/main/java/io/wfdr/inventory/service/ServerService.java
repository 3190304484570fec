package io.wfdr.inventory.service;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.RenameView;
import io.wfdr.inventory.api.ServerRequest;
import io.wfdr.inventory.api.ServerView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Host;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerRename;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.domain.Site;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.HostRepository;
import io.wfdr.inventory.repository.ListFilter;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Problem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class ServerService {

    static final String ENTITY = "server";

    private final ServerRepository servers;
    private final SiteRepository sites;
    private final HostRepository hosts;
    private final PairRepository pairs;
    private final DriftService drift;
    private final InventoryEvents events;
    private final References references;
    private final ListPageCache pages;

    ServerService(ServerRepository servers, SiteRepository sites, HostRepository hosts, PairRepository pairs,
            DriftService drift, InventoryEvents events, References references, ListPageCache pages) {
        this.servers = servers;
        this.sites = sites;
        this.hosts = hosts;
        this.pairs = pairs;
        this.drift = drift;
        this.events = events;
        this.references = references;
        this.pages = pages;
    }

    /**
     * Filters are optional; {@code name} matches the registered or the current name. Sorted by name. Reads need no
     * transaction: no write, no JTA commit on the hot path.
     */
    public Page<ServerView> list(String environmentId, String siteId, ServerRole role, ServerState state,
            String name, int page, int size) {
        ListFilter filter = new ListFilter().equal("environmentId", environmentId).equal("siteId", siteId)
                .equal("state", state)
                .where("cast(roles as String) like :role", "role", role == null ? null : "%" + role.name() + "%")
                .where("(name = :name or currentName = :name)", "name", name);
        return pages.page("servers", filter, page, size, () -> new Page<>(
                servers.page(filter, page, size).stream().map(Views::of).toList(), page, size, servers.count(filter)));
    }

    public ServerView get(String id) {
        return Views.of(servers.require(id));
    }

    /** The names the server answered to, oldest first; still there after the server was removed. */
    @Transactional
    public List<RenameView> renames(String id) {
        List<RenameView> renames = ServerRename.<ServerRename>find("serverId", Sort.by("renamedAt"), id).stream()
                .map(r -> Views.of((ServerRename) r)).toList();
        if (renames.isEmpty()) {
            servers.require(id);
        }
        return renames;
    }

    @Transactional
    public ServerView register(ServerRequest request) {
        Server server = new Server();
        server.id = UUID.randomUUID().toString();
        Site site = describe(server, request);
        server.state = ServerFields.initialState(request, site);
        requireUniqueName(server);
        servers.persist(server);
        ServerView view = Views.of(server);
        events.registered(ENTITY, server.id, server.name, view);
        return view;
    }

    @Transactional
    public ServerView update(String id, ServerRequest request) {
        Server server = servers.require(id);
        if (request.state() != null && request.state() != server.state) {
            throw new ConflictProblem("The state of server " + server.name + " changes through its state "
                    + "operations (online, offline, failover), not through an update");
        }
        describe(server, request);
        requireUniqueName(server);
        requirePairRulesStillHold(server);
        ServerView view = Views.of(server);
        events.updated(ENTITY, server.id, server.name, view);
        drift.recheckPairsOf(server.id);
        return view;
    }

    @Transactional
    public void remove(String id) {
        Server server = servers.require(id);
        List<String> users = references.usersOfServer(id);
        if (!users.isEmpty()) {
            throw new ConflictProblem("Server " + server.name + " is still referenced by " + String.join(", ", users)
                    + "; remove those first");
        }
        ServerView view = Views.of(server);
        servers.delete(server);
        events.removed(ENTITY, id, server.name, view);
    }

    private Site describe(Server server, ServerRequest request) {
        Violations violations = new Violations();
        Site site = sites.findById(request.siteId());
        if (site == null) {
            violations.add("siteId", "no site has the id " + request.siteId());
        }
        Host host = null;
        if (request.hostId() != null) {
            host = hosts.findById(request.hostId());
            if (host == null) {
                violations.add("hostId", "no host has the id " + request.hostId());
            }
        }
        violations.throwIfAny("The server");
        ServerFields.apply(server, request, site, host == null ? null : host.id);
        ServerRules.checkServer("", server, site, host, "hostId", violations);
        violations.throwIfAny("The server");
        return site;
    }

    private void requireUniqueName(Server server) {
        if (servers.nameTakenFrom(server.id, server.name)) {
            throw new ConflictProblem("A server named " + server.name + " is already registered");
        }
    }

    /**
     * A write keeps every rule the pair was made under (the same as {@code POST /api/pairs}): the production server at
     * a production site, the DR server at a DR site, both in one environment, with the same roles.
     */
    private void requirePairRulesStillHold(Server server) {
        pairs.find("productionServerId = ?1 or drServerId = ?1", server.id).<ServerPair>firstResultOptional()
                .ifPresent(pair -> {
                    Server production = pair.productionServerId.equals(server.id) ? server
                            : servers.require(pair.productionServerId);
                    Server dr = pair.drServerId.equals(server.id) ? server : servers.require(pair.drServerId);
                    Violations violations = new Violations();
                    ServerRules.checkPair("", production, sites.require(production.siteId), dr,
                            sites.require(dr.siteId), "productionServerId", "drServerId", violations);
                    if (!violations.isEmpty()) {
                        Server partner = production == server ? dr : production;
                        throw new ConflictProblem("Server " + server.name + " is paired with " + partner.name
                                + " and the change would break the pair: " + violations.errors().stream()
                                .map(Problem.FieldError::message).collect(Collectors.joining("; "))
                                + ". Unpair them first");
                    }
                });
    }
}
