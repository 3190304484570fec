package io.wfdr.restore.service;

import java.time.Clock;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.domain.StepStatus;
import io.wfdr.spine.audit.AuditContext;
import io.wfdr.spine.contract.ContractJson;
import io.wfdr.spine.problem.ConflictProblem;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * What operators and approvers do to a runbook: approve it, pause, resume or cancel it (a running one stops at its
 * next safe point: before a step, or while a step waits), retry or skip a failed step, complete a manual one. Each
 * is refused with a 409 when the runbook is not in a state that allows it.
 */
@ApplicationScoped
public class RunbookControl {

    private final EntityManager em;
    private final Clock clock;
    private final RunbookLedger ledger;

    RunbookControl(EntityManager em, Clock clock, RunbookLedger ledger) {
        this.em = em;
        this.clock = clock;
        this.ledger = ledger;
    }

    @Transactional
    public Runbook approve(String id, String note) {
        Runbook runbook = find(id);
        String approver = AuditContext.current().actor();
        require(runbook, runbook.status == RunbookStatus.AWAITING_APPROVAL, "approved");
        if (runbook.requestedBy.equalsIgnoreCase(approver)) {
            throw new ConflictProblem("the requester of runbook " + id + " cannot approve it; another approver must");
        }
        runbook.approvedBy = approver;
        runbook.approvedAt = clock.instant();
        runbook.approvedFingerprint = runbook.fingerprint;
        ledger.transition(runbook, RunbookStatus.QUEUED, "approved by " + approver + (note == null ? "" : ": " + note));
        return runbook;
    }

    /**
     * Changes the runbook's options where no step is running; the definition's fingerprint changes with them, so an
     * approval given before no longer holds and an approver must agree again.
     */
    @Transactional
    public Runbook change(String id, io.wfdr.restore.api.RunbookOptions options) {
        Runbook runbook = find(id);
        require(runbook, runbook.owner == null && (runbook.status == RunbookStatus.AWAITING_APPROVAL
                || runbook.status == RunbookStatus.QUEUED || runbook.status == RunbookStatus.PAUSED
                || runbook.status == RunbookStatus.FAILED), "changed (only while no step runs)");
        RecoveryTargets targets = runbook.targets();
        RecoveryTargets.Options was = targets.options();
        boolean replace = options.replace() == null ? was.replace() : options.replace();
        RecoveryTargets changed = new RecoveryTargets(targets.plan(), targets.sqlServer(), targets.logins(),
                targets.engineServer(), targets.dsn(), targets.webUrl(), targets.recoveryModel(),
                targets.sourceVersion(), targets.encryptors(), new RecoveryTargets.Options(replace,
                        options.checkDb() == null ? was.checkDb() : options.checkDb(), was.activityQuery(),
                        was.serviceTimeoutSeconds()));
        runbook.definition = ContractJson.write(changed);
        runbook.fingerprint = RunbookRequests.sha256(runbook.definition);
        if (replace && !was.replace()) {
            String reason = "replaces the existing database " + targets.plan().newName() + " on "
                    + targets.plan().target().serverName();
            runbook.approvalReasons = runbook.approvalReasons == null ? reason : runbook.approvalReasons + "\n" + reason;
        }
        if (!runbook.approvalHolds() && runbook.status != RunbookStatus.AWAITING_APPROVAL) {
            ledger.transition(runbook, RunbookStatus.AWAITING_APPROVAL, runbook.approvedBy == null
                    ? "needs an approver" : "changed after its approval by " + runbook.approvedBy + ": approve again");
        }
        return runbook;
    }

    @Transactional
    public Runbook pause(String id) {
        Runbook runbook = find(id);
        require(runbook, runbook.status.runnable() || runbook.status == RunbookStatus.WAITING_FOR_OPERATOR
                || runbook.status == RunbookStatus.FAILED, "paused");
        if (runbook.owner == null) {
            ledger.transition(runbook, RunbookStatus.PAUSED, "paused");
        } else {
            runbook.pauseRequested = true;
        }
        return runbook;
    }

    @Transactional
    public Runbook resume(String id) {
        Runbook runbook = find(id);
        require(runbook, runbook.status == RunbookStatus.PAUSED, "resumed");
        runbook.pauseRequested = false;
        ledger.transition(runbook, RunbookStatus.QUEUED, "resumed");
        return runbook;
    }

    @Transactional
    public Runbook cancel(String id) {
        Runbook runbook = find(id);
        require(runbook, !runbook.status.ended(), "cancelled");
        if (runbook.owner == null) {
            ledger.transition(runbook, RunbookStatus.CANCELLED, "cancelled");
        } else {
            runbook.cancelRequested = true;
        }
        return runbook;
    }

    /** A failed step (or a failed verification) is run again from its check. */
    @Transactional
    public Runbook retry(String id, int number) {
        Runbook runbook = find(id);
        RunbookStep step = step(runbook, number);
        require(runbook, (runbook.status == RunbookStatus.FAILED || runbook.status == RunbookStatus.RESTORED_NOT_VERIFIED)
                && step.status == StepStatus.FAILED, "retried at step " + number);
        step.status = StepStatus.PENDING;
        step.phase = null;
        ledger.transition(runbook, RunbookStatus.QUEUED, "step " + number + " retried");
        return runbook;
    }

    /** An approver skips the current step (failed, waiting for an operator, or not started while paused). */
    @Transactional
    public Runbook skip(String id, int number, String reason) {
        Runbook runbook = find(id);
        RunbookStep step = step(runbook, number);
        boolean stopped = runbook.status == RunbookStatus.FAILED || runbook.status == RunbookStatus.PAUSED
                || runbook.status == RunbookStatus.WAITING_FOR_OPERATOR
                || runbook.status == RunbookStatus.RESTORED_NOT_VERIFIED;
        require(runbook, stopped && runbook.current() == step, "skipped at step " + number + " (only the current step "
                + "of a failed, paused or waiting runbook can be)");
        ledger.decided(runbook, step, StepStatus.SKIPPED, AuditContext.current().actor(), reason);
        ledger.transition(runbook, runbook.status == RunbookStatus.PAUSED ? RunbookStatus.PAUSED : RunbookStatus.QUEUED,
                "step " + number + " skipped");
        return runbook;
    }

    @Transactional
    public Runbook complete(String id, int number, String note) {
        Runbook runbook = find(id);
        RunbookStep step = step(runbook, number);
        require(runbook, step.manual && step.status == StepStatus.WAITING, "completed at step " + number
                + " (only a manual step waiting for an operator can be)");
        ledger.decided(runbook, step, StepStatus.DONE, AuditContext.current().actor(), note);
        ledger.transition(runbook, RunbookStatus.QUEUED, "step " + number + " completed by hand");
        return runbook;
    }

    private Runbook find(String id) {
        Runbook runbook = em.find(Runbook.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (runbook == null) {
            throw new NotFoundProblem("Runbook", id);
        }
        return runbook;
    }

    private static RunbookStep step(Runbook runbook, int number) {
        RunbookStep step = runbook.step(number);
        if (step == null) {
            throw new NotFoundProblem("Step " + number + " of runbook", runbook.id);
        }
        return step;
    }

    private static void require(Runbook runbook, boolean allowed, String what) {
        if (!allowed) {
            throw new ConflictProblem("runbook " + runbook.id + " is " + runbook.status + " and cannot be " + what);
        }
    }
}
