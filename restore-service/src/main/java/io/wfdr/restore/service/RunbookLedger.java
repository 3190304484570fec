package io.wfdr.restore.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.domain.StepPhase;
import io.wfdr.restore.domain.StepStatus;
import io.wfdr.restore.messaging.RunbookEvents;
import io.wfdr.restore.service.recovery.DatabaseRecovery;
import io.wfdr.spine.audit.AuditRecord;
import io.wfdr.spine.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Every state change of a runbook and its steps, each in its own transaction with its audit record, its event and
 * its status callback: a step's state is stored before its action and after it, so whatever stops the service
 * leaves a true account of where the work was.
 */
@ApplicationScoped
public class RunbookLedger {

    private final EntityManager em;
    private final Clock clock;
    private final RunbookEvents events;
    private final AuditTrail audit;
    private final RunbookCallbacks callbacks;
    private final DatabaseRecovery template;

    RunbookLedger(EntityManager em, Clock clock, RunbookEvents events, AuditTrail audit, RunbookCallbacks callbacks,
            DatabaseRecovery template) {
        this.em = em;
        this.clock = clock;
        this.events = events;
        this.audit = audit;
        this.callbacks = callbacks;
        this.template = template;
    }

    /** On whose behalf a runbook works: the requester, the request that asked for it, its trace. */
    public record Actor(String subject, String requestId, String traceparent) {
    }

    @Transactional
    public Actor actor(String id) {
        Runbook runbook = em.find(Runbook.class, id);
        return new Actor(runbook.requestedBy, runbook.requestId, runbook.traceparent);
    }

    /** What the engine does next with a runbook it holds. */
    public sealed interface Next {
        record Stop() implements Next {
        }

        record Run(RunbookStep step, RecoveryTargets targets, Instant runbookStartedAt) implements Next {
        }
    }

    /**
     * At a safe point (before a step, and while one waits): honours a cancel or a pause, a voided approval, a manual
     * step, the end of the runbook; otherwise the step to run. Anything but a step to run gives the lease up.
     */
    @Transactional
    public Next next(String id, String instance) {
        Runbook runbook = em.find(Runbook.class, id);
        Instant now = clock.instant();
        if (runbook == null || !runbook.status.runnable() || !runbook.leasedBy(instance, now)) {
            return new Next.Stop();
        }
        RunbookStep step = runbook.current();
        if (runbook.cancelRequested) {
            return stop(runbook, RunbookStatus.CANCELLED, "cancelled at a safe point"
                    + (step == null ? "" : ", before step " + step.number + " (" + step.name + ")"));
        }
        if (runbook.pauseRequested) {
            runbook.pauseRequested = false;
            return stop(runbook, RunbookStatus.PAUSED, step == null ? "paused" : "paused before step " + step.number);
        }
        if (!runbook.approvalHolds()) {
            return stop(runbook, RunbookStatus.AWAITING_APPROVAL, "the runbook changed after its approval: approve again");
        }
        if (step == null) {
            return finish(runbook);
        }
        if (step.status == StepStatus.FAILED) {
            return stop(runbook, RunbookStatus.FAILED, step.outcome);
        }
        if (step.manual) {
            if (step.status != StepStatus.WAITING) {
                begin(runbook, step, template.step(step.number).input(runbook.targets()));
                step.status = StepStatus.WAITING;
            }
            return stop(runbook, RunbookStatus.WAITING_FOR_OPERATOR, "step " + step.number + " (" + step.title
                    + ") waits for an operator");
        }
        if (runbook.status == RunbookStatus.QUEUED) {
            transition(runbook, RunbookStatus.RUNNING, null);
            if (runbook.startedAt == null) {
                runbook.startedAt = now;
            }
        }
        if (step.status == StepStatus.PENDING) {
            begin(runbook, step, template.step(step.number).input(runbook.targets()));
        }
        return new Next.Run(copy(step), runbook.targets(), runbook.startedAt);
    }

    /**
     * Every step is done or skipped. A runbook whose verification was skipped never claims COMPLETED: the database is
     * back, not verified. Other skipped steps are named in the outcome.
     */
    private Next finish(Runbook runbook) {
        List<RunbookStep> skipped = runbook.steps.stream().filter(s -> s.status == StepStatus.SKIPPED).toList();
        RunbookStep verification = runbook.steps.stream().filter(s -> template.isVerification(s.number)).findFirst()
                .orElse(null);
        String skips = skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped.stream()
                .map(s -> s.number + " " + s.name + " (" + s.outcome + ")").toList());
        if (verification != null && verification.status == StepStatus.SKIPPED) {
            return stop(runbook, RunbookStatus.RESTORED_NOT_VERIFIED, "restored, not verified: the verification was "
                    + "skipped" + skips);
        }
        return stop(runbook, RunbookStatus.COMPLETED, "every step done and verified" + skips);
    }

    @Transactional
    public void acting(String id, int number) {
        RunbookStep step = step(id, number);
        step.phase = StepPhase.ACT;
        step.actStartedAt = clock.instant();
    }

    @Transactional
    public void verifying(String id, int number, String found) {
        RunbookStep step = step(id, number);
        step.phase = StepPhase.VERIFY;
        step.status = StepStatus.RUNNING;
        if (found != null) {
            step.outcome = found;
        }
    }

    @Transactional
    public void progress(String id, int number, int percent) {
        RunbookStep step = step(id, number);
        if (step.status == StepStatus.RUNNING) {
            step.progress = Math.max(0, Math.min(100, percent));
        }
    }

    @Transactional
    public void waiting(String id, int number, String says) {
        RunbookStep step = step(id, number);
        step.status = StepStatus.WAITING;
        step.phase = StepPhase.VERIFY;
        step.outcome = says;
    }

    @Transactional
    public void done(String id, int number, String says, List<String> remarks) {
        Runbook runbook = em.find(Runbook.class, id);
        RunbookStep step = runbook.step(number);
        end(runbook, step, StepStatus.DONE, withRemarks(says, remarks), null);
    }

    /**
     * The step failed: the runbook waits for an operator (retry, skip, cancel). A failed verification leaves the
     * database restored but not verified, and the runbook says so.
     */
    @Transactional
    public void failed(String id, int number, String says, List<String> remarks) {
        Runbook runbook = em.find(Runbook.class, id);
        RunbookStep step = runbook.step(number);
        end(runbook, step, StepStatus.FAILED, withRemarks(says, remarks), null);
        boolean verification = template.isVerification(number);
        stop(runbook, verification ? RunbookStatus.RESTORED_NOT_VERIFIED : RunbookStatus.FAILED, (verification
                ? "restored, not verified: " : "step " + number + " (" + step.name + ") failed: ") + step.outcome);
    }

    /** A step ended by hand: a manual step completed, or a step skipped by an approver, with the person and note. */
    void decided(Runbook runbook, RunbookStep step, StepStatus status, String by, String note) {
        step.note = note;
        end(runbook, step, status, (status == StepStatus.SKIPPED ? "skipped by " : "completed by ") + by + ": "
                + note, by);
    }

    void transition(Runbook runbook, RunbookStatus to, String outcome) {
        RunbookStatus from = runbook.status;
        runbook.status = to;
        if (outcome != null) {
            runbook.outcome = outcome;
        }
        if (to.ended()) {
            runbook.endedAt = clock.instant();
        }
        events.statusChanged(runbook, from, clock.instant());
        callbacks.queue(runbook, from);
    }

    private Next stop(Runbook runbook, RunbookStatus to, String outcome) {
        transition(runbook, to, outcome);
        runbook.owner = null;
        runbook.leaseUntil = null;
        return new Next.Stop();
    }

    private void begin(Runbook runbook, RunbookStep step, String input) {
        step.status = StepStatus.RUNNING;
        step.phase = StepPhase.CHECK;
        step.attempts++;
        step.startedAt = clock.instant();
        step.endedAt = null;
        step.actStartedAt = null;
        step.progress = null;
        step.outcome = null;
        record(runbook, step, "runbook.step.started", AuditRecord.Outcome.STARTED, input);
        events.stepStarted(runbook, step, input, clock.instant());
    }

    private void end(Runbook runbook, RunbookStep step, StepStatus status, String outcome, String by) {
        step.status = status;
        step.outcome = outcome;
        step.decidedBy = by;
        step.endedAt = clock.instant();
        if (status == StepStatus.DONE && step.progress != null) {
            step.progress = 100;
        }
        record(runbook, step, "runbook.step." + status.name().toLowerCase(java.util.Locale.ROOT),
                status == StepStatus.FAILED ? AuditRecord.Outcome.FAILED : AuditRecord.Outcome.SUCCEEDED, outcome);
        events.stepEnded(runbook, step, clock.instant());
    }

    private void record(Runbook runbook, RunbookStep step, String action, AuditRecord.Outcome outcome, String detail) {
        audit.recordWork(new AuditTrail.WorkStep(runbook.requestedBy, runbook.requestedByName, action,
                "/api/restores/{id}/steps/" + step.number, runbook.id, runbook.ticketId, outcome,
                "step " + step.number + " " + step.name + ": " + detail, runbook.requestId == null
                        ? UUID.randomUUID().toString() : runbook.requestId, traceId(runbook.traceparent)));
    }

    /** What the engine needs of the step, apart from the managed entity (which stays with its runbook). */
    private static RunbookStep copy(RunbookStep step) {
        RunbookStep copy = RunbookStep.of(step.runbookId, step.number, step.name, step.title, step.manual,
                step.idempotent);
        copy.status = step.status;
        copy.phase = step.phase;
        copy.attempts = step.attempts;
        copy.actStartedAt = step.actStartedAt;
        copy.startedAt = step.startedAt;
        copy.outcome = step.outcome;
        return copy;
    }

    private RunbookStep step(String id, int number) {
        return em.find(RunbookStep.class, key(id, number));
    }

    static RunbookStep.Key key(String id, int number) {
        RunbookStep.Key key = new RunbookStep.Key();
        key.runbookId = id;
        key.number = number;
        return key;
    }

    private static String withRemarks(String says, List<String> remarks) {
        return remarks.isEmpty() ? says : says + " (" + String.join("; ", remarks) + ")";
    }

    private static String traceId(String traceparent) {
        return traceparent == null || traceparent.length() < 35 ? null : traceparent.substring(3, 35);
    }
}
