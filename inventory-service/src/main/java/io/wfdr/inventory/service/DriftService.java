package io.wfdr.inventory.service;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import io.wfdr.inventory.api.EnvironmentDrift;
import io.wfdr.inventory.domain.SiteRole;
import io.wfdr.inventory.repository.EnvironmentRepository;
import io.wfdr.inventory.repository.SiteRepository;
import io.wfdr.spine.problem.NotFoundProblem;

import io.wfdr.inventory.domain.Deployment;
import io.wfdr.inventory.domain.DriftReport;
import io.wfdr.inventory.domain.DriftRules;
import io.wfdr.inventory.domain.Server;
import io.wfdr.inventory.domain.ServerPair;
import io.wfdr.inventory.messaging.DriftDetected;
import io.wfdr.inventory.messaging.DriftResolved;
import io.wfdr.inventory.messaging.InventoryEvents;
import io.wfdr.inventory.repository.DeploymentRepository;
import io.wfdr.inventory.repository.PairRepository;
import io.wfdr.inventory.repository.ServerRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Whether each DR server is still in step with its production server, and the events when that changes:
 * drift detected when a pair falls out of step, drift resolved when it is back in step.
 */
@ApplicationScoped
public class DriftService {

    private final PairRepository pairs;
    private final ServerRepository servers;
    private final DeploymentRepository deployments;
    private final InventoryEvents events;
    private final SiteRepository sites;
    private final EnvironmentRepository environments;

    DriftService(PairRepository pairs, ServerRepository servers, DeploymentRepository deployments,
            InventoryEvents events, SiteRepository sites, EnvironmentRepository environments) {
        this.sites = sites;
        this.environments = environments;
        this.pairs = pairs;
        this.servers = servers;
        this.deployments = deployments;
        this.events = events;
    }

    @Transactional
    public DriftReport report(String pairId) {
        return compare(pairs.require(pairId));
    }

    @Transactional
    public EnvironmentDrift ofEnvironment(String environmentId) {
        if (environments.findById(environmentId) == null) {
            throw new NotFoundProblem("Environment", environmentId);
        }
        List<DriftReport> reports = pairs.list("environmentId", environmentId).stream().map(this::compare).toList();
        Set<String> paired = reports.stream().map(DriftReport::productionServerId).collect(Collectors.toSet());
        Set<String> productionSites = sites.list("environmentId = ?1 and role = ?2", environmentId, SiteRole.PRODUCTION)
                .stream().map(site -> site.id).collect(Collectors.toSet());
        List<String> unpaired = servers.list("environmentId", Sort.by("name"), environmentId).stream()
                .filter(server -> productionSites.contains(server.siteId) && !paired.contains(server.id))
                .map(server -> server.name)
                .toList();
        boolean inSync = unpaired.isEmpty() && reports.stream().allMatch(DriftReport::inSync);
        return new EnvironmentDrift(environmentId, inSync, reports, unpaired);
    }

    /** Re-checks every pair the server is part of, after anything that can move it out of (or into) step. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recheckPairsOf(String serverId) {
        pairs.list("productionServerId = ?1 or drServerId = ?1", serverId).forEach(this::recheck);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public DriftReport recheck(ServerPair pair) {
        DriftReport report = compare(pair);
        boolean drifted = !report.inSync();
        if (drifted != pair.drifted) {
            pair.drifted = drifted;
            String subject = "pair/" + report.productionServer() + "/" + report.drServer();
            events.publish(pair.id, subject, drifted ? new DriftDetected(report) : new DriftResolved(report));
        }
        return report;
    }

    DriftReport compare(ServerPair pair) {
        Server production = servers.require(pair.productionServerId);
        Server dr = servers.require(pair.drServerId);
        List<Deployment> onProduction = deployments.list("serverId", production.id);
        List<Deployment> onDr = deployments.list("serverId", dr.id);
        return DriftRules.compare(pair, production, dr, onProduction, onDr);
    }
}
