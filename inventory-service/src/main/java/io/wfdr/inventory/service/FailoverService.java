package io.wfdr.inventory.service;

import java.time.Clock;
import java.util.function.Function;

import io.wfdr.inventory.api.PairView;
import io.wfdr.inventory.api.ServerView;
import io.wfdr.inventory.api.Views;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.domain.ServerRename;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.domain.SiteRole;
import io.wfdr.inventory.domain.TransitionRefused;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.messaging.PairFailedBack;
import io.wfdr.inventory.messaging.PairFailedOver;
import io.wfdr.inventory.messaging.ServerRenamed;
import io.wfdr.inventory.messaging.ServerStateChanged;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.Violations;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The guide's state changes: bring a DR server online (to deploy to it) and offline again; recover from a
 * production machine failure by bringing the DR machine online under the failed server's name; fail back.
 * Every refusal is decided before anything changes, so a refused transition leaves the caller's transaction
 * usable (the command consumer records the refusal as an event in it).
 */
@ApplicationScoped
public class FailoverService {

    /** Why a state changes, in a sentence or a ticket number: what the audit trail and the events carry. */
    public static final int MAX_REASON = 200;

    private final ServerRepository servers;
    private final SiteRepository sites;
    private final PairRepository pairs;
    private final PairService pairService;
    private final InventoryEvents events;
    private final Clock clock;

    FailoverService(ServerRepository servers, SiteRepository sites, PairRepository pairs, PairService pairService,
            InventoryEvents events, Clock clock) {
        this.servers = servers;
        this.sites = sites;
        this.pairs = pairs;
        this.pairService = pairService;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public ServerView bringOnline(String serverId, String reason) {
        checkReason(reason);
        Server server = drServer(serverId, "online");
        ServerState before = server.state;
        server.bringOnline();
        stateChanged(server, before, reason);
        return Views.of(server);
    }

    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public ServerView bringOffline(String serverId, String reason) {
        checkReason(reason);
        Server server = drServer(serverId, "offline");
        ServerState before = server.state;
        server.bringOffline();
        stateChanged(server, before, reason);
        return Views.of(server);
    }

    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public PairView failOver(String pairId, String reason) {
        checkReason(reason);
        return pairTransition(pairId, reason, ServerPair::failOver,
                production -> "failover: stands in for " + production.name,
                view -> new PairFailedOver(view, reason));
    }

    @Transactional(dontRollbackOn = {ConflictProblem.class, NotFoundProblem.class, InvalidRequestProblem.class})
    public PairView failBack(String pairId, String reason) {
        checkReason(reason);
        return pairTransition(pairId, reason, ServerPair::failBack,
                production -> "failback: " + production.name + " is back",
                view -> new PairFailedBack(view, reason));
    }

    /** The same rule for a REST call and for the Kafka command that mirrors it. */
    private static void checkReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            new Violations().add("reason", "must be at most " + MAX_REASON + " characters, was " + reason.length())
                    .throwIfAny("The state change");
        }
    }

    /** Applies a pair transition and records what it changed: states, the DR server's name, the pair event. */
    private PairView pairTransition(String pairId, String reason, PairTransition transition,
            Function<Server, String> renameReason, Function<PairView, Object> event) {
        ServerPair pair = pairs.require(pairId);
        Server production = servers.require(pair.productionServerId);
        Server dr = servers.require(pair.drServerId);
        ServerState productionBefore = production.state;
        ServerState drBefore = dr.state;
        String drNameBefore = dr.nameNow();
        transition.apply(pair, production, dr);
        stateChanged(production, productionBefore, reason);
        stateChanged(dr, drBefore, reason);
        renamed(dr, drNameBefore, renameReason.apply(production));
        PairView view = pairService.view(pair);
        events.publish(pair.id, PairService.subject(production, dr), event.apply(view));
        return view;
    }

    @FunctionalInterface
    private interface PairTransition {
        void apply(ServerPair pair, Server production, Server dr);
    }

    private Server drServer(String serverId, String direction) {
        Server server = servers.require(serverId);
        if (sites.require(server.siteId).role != SiteRole.DR) {
            throw new TransitionRefused("Server " + server.name + " is a production server; only DR servers are "
                    + "brought " + direction + " this way (production servers change state by failover)");
        }
        if (pairs.count("drServerId = ?1 and status = ?2", serverId, io.wfdr.inventory.domain.PairStatus.FAILED_OVER) > 0) {
            throw new TransitionRefused("DR server " + server.name + " stands in for a failed production server; "
                    + "fail the pair back instead");
        }
        return server;
    }

    private void stateChanged(Server server, ServerState before, String reason) {
        if (before != server.state) {
            events.publish(server.id, "server/" + server.name,
                    new ServerStateChanged(server.id, server.name, before, server.state, reason));
        }
    }

    private void renamed(Server server, String before, String reason) {
        String after = server.nameNow();
        if (before.equals(after)) {
            return;
        }
        ServerRename rename = new ServerRename();
        rename.serverId = server.id;
        rename.fromName = before;
        rename.toName = after;
        rename.reason = reason;
        rename.renamedAt = clock.instant();
        rename.persist();
        events.publish(server.id, "server/" + server.name, new ServerRenamed(server.id, before, after, reason));
    }
}
