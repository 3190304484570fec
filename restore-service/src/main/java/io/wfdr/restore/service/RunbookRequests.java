package io.wfdr.restore.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.wfdr.restore.api.PlanView;
import io.wfdr.restore.api.RestoreRequest;
import io.wfdr.restore.domain.KnownDatabase;
import io.wfdr.restore.domain.KnownServer;
import io.wfdr.restore.domain.KnownSite;
import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookRequestKey;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.messaging.RunbookEvents;
import io.wfdr.restore.service.recovery.DatabaseRecovery;
import io.wfdr.restore.service.recovery.RecoveryStep;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.contract.ContractJson;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.UnprocessableProblem;
import io.wfdr.spine.problem.Violations;
import io.wfdr.spine.tracing.Traces;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * {@code POST /api/restores}: a runbook from the {@code database-recovery} template and a plan, with every target
 * resolved and stored before anything runs. Restoring over an existing database, under production's own name or onto
 * a production server needs an approver who is not the requester. A retried request with the same Idempotency-Key
 * gets the first runbook back.
 */
@ApplicationScoped
public class RunbookRequests {

    private final EntityManager em;
    private final Clock clock;
    private final RestorePlanning planning;
    private final RecoveryTargetsResolver resolver;
    private final DatabaseRecovery template;
    private final RunbookEvents events;
    private final RunbookCallbacks callbacks;
    private final JsonWebToken caller;

    RunbookRequests(EntityManager em, Clock clock, RestorePlanning planning, RecoveryTargetsResolver resolver,
            DatabaseRecovery template, RunbookEvents events, RunbookCallbacks callbacks, JsonWebToken caller) {
        this.em = em;
        this.clock = clock;
        this.planning = planning;
        this.resolver = resolver;
        this.template = template;
        this.events = events;
        this.callbacks = callbacks;
        this.caller = caller;
    }

    public record Accepted(Runbook runbook, boolean created) {
    }

    @Transactional
    public Accepted request(RestoreRequest request, String idempotencyKey) {
        String fingerprint = sha256(ContractJson.write(request));
        if (idempotencyKey != null) {
            RunbookRequestKey known = em.find(RunbookRequestKey.class, idempotencyKey);
            if (known != null) {
                if (!known.requestFingerprint.equals(fingerprint)) {
                    throw new UnprocessableProblem("The Idempotency-Key " + idempotencyKey + " was first used for "
                            + "another request; nothing was started");
                }
                return new Accepted(em.find(Runbook.class, known.runbookId), false);
            }
        }
        checked(request);
        RestorePlan plan = plan(request);
        RecoveryTargets targets = resolver.resolve(plan, request);
        Runbook runbook = runbook(request, plan, targets);
        em.persist(runbook);
        if (idempotencyKey != null) {
            em.persist(RunbookRequestKey.of(idempotencyKey, runbook.id, fingerprint));
        }
        events.requested(runbook, plan.databaseName(), plan.newName(), plan.target().serverId());
        callbacks.queue(runbook, null);
        return new Accepted(runbook, true);
    }

    /** What a runbook made from this request would run, step by step; nothing is stored, nothing runs. */
    @Transactional
    public Runbook draft(RestoreRequest request) {
        checked(request);
        RestorePlan plan = request.planId() != null ? plan(request) : planning.draft(request.plan());
        return runbook(request, plan, resolver.resolve(plan, request));
    }

    private void checked(RestoreRequest request) {
        Violations violations = new Violations();
        if ((request.planId() == null) == (request.plan() == null)) {
            violations.add("planId", "give either planId (a plan made before) or plan (the inputs to make one)");
        }
        if (request.callbackUrl() != null && !callbacks.allowed(request.callbackUrl())) {
            violations.add("callbackUrl", "is not on this service's callback allow-list "
                    + "(wfdr.restore.runbooks.callback-allow-list)");
        }
        violations.throwIfAny("The restore");
    }

    private RestorePlan plan(RestoreRequest request) {
        PlanView view = request.planId() != null ? planning.get(request.planId()) : planning.make(request.plan());
        if (view.stale()) {
            throw new ConflictProblem("the backup catalog changed since plan " + view.plan().id() + " was made; make "
                    + "a new plan (or send the plan's inputs instead of its id)");
        }
        return view.plan();
    }

    private Runbook runbook(RestoreRequest request, RestorePlan plan, RecoveryTargets targets) {
        Runbook runbook = new Runbook();
        runbook.id = UUID.randomUUID().toString();
        runbook.template = DatabaseRecovery.TEMPLATE;
        runbook.planId = plan.id();
        runbook.databaseId = plan.databaseId();
        runbook.ticketId = request.ticketId();
        runbook.reason = request.reason();
        AuditContext call = AuditContext.current();
        runbook.requestedBy = call == null || call.actor() == null ? caller.getName() : call.actor();
        runbook.requestedByName = caller.getClaim("name");
        runbook.requestId = call == null ? null : call.requestId();
        runbook.traceparent = Traces.currentTraceparent();
        runbook.definition = ContractJson.write(targets);
        runbook.fingerprint = sha256(runbook.definition);
        runbook.callbackUrl = request.callbackUrl();
        runbook.createdAt = clock.instant();
        List<String> reasons = approvalReasons(plan, targets);
        runbook.approvalReasons = reasons.isEmpty() ? null : String.join("\n", reasons);
        runbook.status = reasons.isEmpty() ? RunbookStatus.QUEUED : RunbookStatus.AWAITING_APPROVAL;
        for (int i = 0; i < template.steps().size(); i++) {
            RecoveryStep step = template.steps().get(i);
            runbook.steps.add(RunbookStep.of(runbook.id, i + 1, step.name(), step.title(), step.manualWhen(targets),
                    step.idempotent()));
        }
        return runbook;
    }

    /** Why a second person must agree: it replaces a database, takes production's own name, or lands on production. */
    private List<String> approvalReasons(RestorePlan plan, RecoveryTargets targets) {
        List<String> reasons = new ArrayList<>();
        boolean exists = em.createQuery("select count(d) from KnownDatabase d where d.serverId = ?1 and lower(d.name) "
                + "= ?2", Long.class).setParameter(1, plan.target().serverId())
                .setParameter(2, plan.newName().toLowerCase(Locale.ROOT)).getSingleResult() > 0;
        if (exists && !targets.options().replace()) {
            throw new ConflictProblem(plan.newName() + " already exists on " + plan.target().serverName() + "; send "
                    + "replace: true to restore over it (an approver must agree), or choose another newName");
        }
        if (targets.options().replace()) {
            reasons.add("replaces the existing database " + plan.newName() + " on " + plan.target().serverName());
        }
        if (plan.newName().equalsIgnoreCase(plan.databaseName())) {
            reasons.add("restores under production's own name " + plan.databaseName());
        }
        KnownServer server = em.find(KnownServer.class, plan.target().serverId());
        KnownSite site = server == null ? null : em.find(KnownSite.class, server.siteId);
        if (site != null && "PRODUCTION".equals(site.role)) {
            reasons.add("restores onto " + plan.target().serverName() + " at the production site " + site.name);
        }
        return reasons;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
