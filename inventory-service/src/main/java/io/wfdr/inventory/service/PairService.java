package io.wfdr.inventory.service;

import java.time.Clock;
import java.util.UUID;

import io.wfdr.inventory.api.PairRequest;
import io.wfdr.inventory.api.PairView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.PairStatus;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.messaging.ServersPaired;
import io.wfdr.inventory.messaging.ServersUnpaired;
import io.wfdr.inventory.repository.ListFilter;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Production / DR pairs: each production server has at most one DR server of the same role, and vice versa. */
@ApplicationScoped
public class PairService {

    private final PairRepository pairs;
    private final ServerRepository servers;
    private final SiteRepository sites;
    private final DriftService drift;
    private final InventoryEvents events;
    private final Clock clock;
    private final ListPageCache pages;

    PairService(PairRepository pairs, ServerRepository servers, SiteRepository sites, DriftService drift,
            InventoryEvents events, Clock clock, ListPageCache pages) {
        this.pairs = pairs;
        this.servers = servers;
        this.sites = sites;
        this.drift = drift;
        this.events = events;
        this.clock = clock;
        this.pages = pages;
    }

    /** Reads need no transaction: no write, no JTA commit on the hot path. */
    public Page<PairView> list(String environmentId, Boolean drifted, PairStatus status, int page, int size) {
        ListFilter filter = new ListFilter().equal("environmentId", environmentId).equal("drifted", drifted)
                .equal("status", status);
        return pages.page("pairs", filter, page, size, () -> new Page<>(
                pairs.page(filter, page, size).stream().map(Views::of).toList(), page, size, pairs.count(filter)));
    }

    public PairView get(String id) {
        return Views.of(pairs.requireWithNames(id));
    }

    @Transactional
    public PairView pair(PairRequest request) {
        Violations violations = new Violations();
        Server production = servers.findById(request.productionServerId());
        Server dr = servers.findById(request.drServerId());
        if (production == null) {
            violations.add("productionServerId", "no server has the id " + request.productionServerId());
        }
        if (dr == null) {
            violations.add("drServerId", "no server has the id " + request.drServerId());
        }
        violations.throwIfAny("The pair");
        ServerRules.checkPair("", production, sites.require(production.siteId), dr, sites.require(dr.siteId),
                "productionServerId", "drServerId", violations);
        violations.throwIfAny("The pair");
        requireUnpaired(production, "productionServerId = ?1 or drServerId = ?1");
        requireUnpaired(dr, "productionServerId = ?1 or drServerId = ?1");
        ServerPair pair = newPair(production, dr);
        pairs.persist(pair);
        PairView view = view(pair);
        events.publish(pair.id, subject(production, dr), new ServersPaired(view));
        drift.recheck(pair);
        return view(pair);
    }

    @Transactional
    public void unpair(String id) {
        ServerPair pair = pairs.require(id);
        if (pair.status == PairStatus.FAILED_OVER) {
            throw new ConflictProblem("The pair has failed over; fail back before unpairing");
        }
        PairView view = view(pair);
        pairs.delete(pair);
        events.publish(id, "pair/" + view.productionServerName() + "/" + view.drServerName(),
                new ServersUnpaired(view));
    }

    ServerPair newPair(Server production, Server dr) {
        ServerPair pair = new ServerPair();
        pair.id = UUID.randomUUID().toString();
        pair.environmentId = production.environmentId;
        pair.productionServerId = production.id;
        pair.drServerId = dr.id;
        pair.status = PairStatus.NORMAL;
        pair.drifted = false;
        pair.pairedAt = clock.instant();
        return pair;
    }

    PairView view(ServerPair pair) {
        return Views.of(pair, servers.require(pair.productionServerId), servers.require(pair.drServerId));
    }

    static String subject(Server production, Server dr) {
        return "pair/" + production.name + "/" + dr.name;
    }

    private void requireUnpaired(Server server, String query) {
        if (pairs.count(query, server.id) > 0) {
            throw new ConflictProblem("Server " + server.name + " is already in a pair; a production server has at "
                    + "most one DR server and a DR server serves one production server");
        }
    }
}
