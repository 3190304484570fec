package io.wfdr.restore.service;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.wfdr.restore.api.PlanRequest;
import io.wfdr.restore.api.PlanView;
import io.wfdr.restore.api.ReachView;
import io.wfdr.restore.domain.BackupHistory;
import io.wfdr.restore.domain.ChainSelection;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.Preflight;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.domain.RestoreTime;
import io.wfdr.restore.domain.StoredPlan;
import io.wfdr.restore.domain.TargetMapping;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.NotFoundProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import io.wfdr.spine.problem.Violations;
import io.wfdr.spine.tsql.TSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Restore plans from the restore service's own catalog, in dbatools' stages as small classes of our own:
 * {@link BackupHistory} → {@link ChainSelection} → {@link TargetMapping} → {@link Preflight}, then (the runbook
 * issue) the runbook, or only the script. Nothing here runs on a SQL Server.
 */
@ApplicationScoped
public class RestorePlanning {

    private final EntityManager em;
    private final RestoreCatalog catalog;
    private final RestoreTargets targets;
    private final RestoreThroughputs throughputs;
    private final Clock clock;

    RestorePlanning(EntityManager em, RestoreCatalog catalog, RestoreTargets targets, RestoreThroughputs throughputs,
            Clock clock) {
        this.em = em;
        this.catalog = catalog;
        this.targets = targets;
        this.throughputs = throughputs;
        this.clock = clock;
    }

    @Transactional
    public ReachView reach(String databaseId) {
        ChainSelection.Reach reach = ChainSelection.reach(catalog.history(databaseId));
        return new ReachView(databaseId, reach.earliest(), reach.latest(), reach.whyNotLater());
    }

    @Transactional
    public PlanView make(PlanRequest request) {
        Drafted drafted = drafted(request);
        em.persist(StoredPlan.of(drafted.plan(), drafted.fingerprint()));
        return new PlanView(drafted.plan(), false);
    }

    /** The plan these inputs make now, not stored: for a script-only look at a restore. */
    @Transactional
    public RestorePlan draft(PlanRequest request) {
        return drafted(request).plan();
    }

    private record Drafted(RestorePlan plan, String fingerprint) {
    }

    private Drafted drafted(PlanRequest request) {
        KnownDatabase database = em.find(KnownDatabase.class, request.databaseId());
        if (database == null) {
            throw new NotFoundProblem("Database", request.databaseId());
        }
        String newName = request.newName() == null ? database.name + "_DR" : request.newName();
        Instant point = checked(request, newName);
        KnownServer target = targets.of(database, request.targetServerId());
        RestoreCatalog.Snapshot snapshot = catalog.snapshot(database.id);
        BackupHistory history = snapshot.history();
        ChainSelection.Selected selected;
        try {
            selected = point == null ? ChainSelection.latest(history) : ChainSelection.at(history, point);
        } catch (ChainSelection.Unreachable e) {
            ChainSelection.Reach reach = e.reach();
            throw new UnprocessableProblem(e.getMessage() + ". The catalog reaches from " + reach.earliest() + " to "
                    + reach.latest() + (reach.whyNotLater() == null ? "" : "; nothing later: " + reach.whyNotLater()));
        }
        List<RestorePlan.Step> steps = TargetMapping.steps(selected, history,
                request.preferSiteId() == null ? target.siteId : request.preferSiteId());
        ChainSelection.Reach reach = ChainSelection.reach(history);
        KnownServer source = em.find(KnownServer.class, database.serverId);
        List<String> warnings = Preflight.warnings(new Preflight.Facts(history, selected, steps,
                source == null ? null : source.siteId, target.siteId, nameTaken(target, newName), newName));
        RestorePlan plan = new RestorePlan(UUID.randomUUID().toString(), database.id, database.name,
                point == null ? "latest" : point.toString(), selected.restoresTo(),
                new RestorePlan.Target(target.id, target.currentName, target.siteId), newName, steps,
                TargetMapping.moves(selected.full(), newName, request.dataFolder(), request.logFolder()),
                new RestorePlan.Reachable(reach.earliest(), reach.latest(), reach.whyNotLater()), warnings,
                RestoreTime.predict(steps, throughputs.of(target.id)), clock.instant());
        return new Drafted(plan, snapshot.fingerprint());
    }

    @Transactional
    public PlanView get(String id) {
        StoredPlan stored = em.find(StoredPlan.class, id);
        if (stored == null) {
            throw new NotFoundProblem("Restore plan", id);
        }
        return new PlanView(stored.plan(), !stored.catalogFingerprint.equals(catalog.fingerprint(stored.databaseId)));
    }

    @Transactional
    public Page<PlanView> list(String databaseId, int page, int size) {
        String where = databaseId == null ? "" : " where p.databaseId = :database";
        var query = em.createQuery("from StoredPlan p" + where + " order by p.createdAt desc, p.id", StoredPlan.class);
        var count = em.createQuery("select count(p) from StoredPlan p" + where, Long.class);
        if (databaseId != null) {
            query.setParameter("database", databaseId);
            count.setParameter("database", databaseId);
        }
        long total = count.getSingleResult();
        List<PlanView> items = (long) page * size >= total ? List.of() : query.setFirstResult(page * size)
                .setMaxResults(size).getResultList().stream().map(p -> new PlanView(p.plan(),
                        !p.catalogFingerprint.equals(catalog.fingerprint(p.databaseId)))).toList();
        return new Page<>(items, page, size, total);
    }

    private static Instant checked(PlanRequest request, String newName) {
        Violations violations = new Violations();
        Instant point = null;
        if (request.pointInTime() != null && !"latest".equals(request.pointInTime())) {
            try {
                point = Instant.parse(request.pointInTime());
            } catch (DateTimeParseException e) {
                violations.add("pointInTime", "must be latest or an ISO-8601 time such as 2026-11-30T14:05:00Z");
            }
        }
        try {
            TSql.identifier(newName);
        } catch (IllegalArgumentException e) {
            violations.add("newName", e.getMessage());
        }
        violations.throwIfAny("The restore plan");
        return point;
    }

    private boolean nameTaken(KnownServer target, String newName) {
        return em.createQuery("select count(d) from KnownDatabase d where d.serverId = ?1 and lower(d.name) = ?2",
                Long.class).setParameter(1, target.id).setParameter(2, newName.toLowerCase(java.util.Locale.ROOT))
                .getSingleResult() > 0;
    }
}
