package io.wfdr.restore.service;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.wfdr.restore.api.RunbookView;
import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.domain.StepStatus;
import io.wfdr.restore.service.recovery.DatabaseRecovery;
import io.wfdr.restore.service.recovery.RecoveryStep;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Runbooks as operators read them, and the script-only view of everything a runbook will run. */
@ApplicationScoped
public class RunbookQueries {

    private final EntityManager em;
    private final DatabaseRecovery template;

    RunbookQueries(EntityManager em, DatabaseRecovery template) {
        this.em = em;
        this.template = template;
    }

    @Transactional
    public RunbookView get(String id) {
        return view(find(id));
    }

    @Transactional
    public Page<RunbookView> list(RunbookStatus status, String ticketId, int page, int size) {
        List<String> where = new ArrayList<>();
        if (status != null) {
            where.add("r.status = :status");
        }
        if (ticketId != null) {
            where.add("r.ticketId = :ticket");
        }
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        var query = em.createQuery("from Runbook r" + condition + " order by r.createdAt desc, r.id", Runbook.class);
        var count = em.createQuery("select count(r) from Runbook r" + condition, Long.class);
        if (status != null) {
            query.setParameter("status", status);
            count.setParameter("status", status);
        }
        if (ticketId != null) {
            query.setParameter("ticket", ticketId);
            count.setParameter("ticket", ticketId);
        }
        long total = count.getSingleResult();
        List<RunbookView> items = (long) page * size >= total ? List.of() : query.setFirstResult(page * size)
                .setMaxResults(size).getResultList().stream().map(RunbookQueries::view).toList();
        return new Page<>(items, page, size, total);
    }

    /** Every statement and script in order, step by step, before anything runs; secrets shown as their references. */
    @Transactional
    public String script(String id) {
        return script(find(id));
    }

    public String script(Runbook runbook) {
        RecoveryTargets targets = runbook.targets();
        StringBuilder script = new StringBuilder("-- wfdr runbook " + runbook.id + " (" + runbook.template + "): "
                + targets.plan().databaseName() + " as " + targets.plan().newName() + " on "
                + targets.plan().target().serverName() + "\n");
        for (RunbookStep step : runbook.steps) {
            RecoveryStep definition = template.step(step.number);
            script.append("\n-- step ").append(step.number).append(": ").append(step.title)
                    .append(step.manual ? " (manual: an operator does this and completes the step)" : "")
                    .append('\n');
            definition.script(targets).forEach(line -> script.append(line).append('\n'));
        }
        return script.toString();
    }

    Runbook find(String id) {
        Runbook runbook = em.find(Runbook.class, id);
        if (runbook == null) {
            throw new NotFoundProblem("Runbook", id);
        }
        return runbook;
    }

    static RunbookView view(Runbook runbook) {
        RecoveryTargets targets = runbook.targets();
        List<RunbookView.Step> steps = runbook.steps.stream().map(s -> new RunbookView.Step(s.number, s.name, s.title,
                s.manual, s.idempotent, s.status, s.phase, s.attempts, s.progress, s.startedAt, s.endedAt, s.outcome,
                s.note, s.decidedBy)).toList();
        return new RunbookView(runbook.id, runbook.template, runbook.planId, runbook.databaseId,
                targets.plan().databaseName(), targets.plan().newName(), targets.plan().target().serverName(),
                runbook.ticketId, runbook.reason, runbook.status, runbook.requestedBy,
                new RunbookView.Approval(runbook.needsApproval(), runbook.approvalReasons == null ? List.of()
                        : Arrays.asList(runbook.approvalReasons.split("\n")), runbook.approvedBy, runbook.approvedAt),
                percent(runbook), eta(runbook, targets), runbook.createdAt, runbook.startedAt, runbook.endedAt,
                runbook.outcome, runbook.pauseRequested, runbook.cancelRequested, runbook.callbackUrl, steps);
    }

    private static int percent(Runbook runbook) {
        double done = 0;
        for (RunbookStep step : runbook.steps) {
            done += step.status.finished() ? 1 : step.progress == null ? 0 : step.progress / 100.0;
        }
        return (int) Math.floor(100 * done / Math.max(1, runbook.steps.size()));
    }

    /** Seconds of the plan's predicted restore still to go; null once the runbook has ended. */
    private static Long eta(Runbook runbook, RecoveryTargets targets) {
        if (runbook.status.ended()) {
            return null;
        }
        RunbookStep restore = runbook.steps.stream().filter(s -> "restore-chain".equals(s.name)).findFirst()
                .orElse(null);
        if (restore == null || restore.status.finished()) {
            return 0L;
        }
        int progress = restore.status == StepStatus.RUNNING && restore.progress != null ? restore.progress : 0;
        return Math.round(targets.plan().prediction().seconds() * (100 - progress) / 100.0);
    }
}
