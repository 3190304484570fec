package io.wfdr.restore.service;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.domain.StepPhase;
import io.wfdr.restore.domain.StepStatus;
import io.wfdr.restore.service.recovery.Check;
import io.wfdr.restore.service.recovery.DatabaseRecovery;
import io.wfdr.restore.service.recovery.RecoveryStep;
import io.wfdr.restore.service.recovery.RecoveryWorld;
import io.wfdr.restore.service.recovery.StepContext;
import io.wfdr.restore.service.recovery.StepFailure;
import io.wfdr.restore.service.recovery.Verification;
import io.wfdr.restore.windows.WindowsHostFailure;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * One step, check → act → verify, its phase stored before each: a step found in ACT after a crash checks the world
 * first; one whose action cannot be repeated is failed for an operator when its check cannot tell whether the action
 * happened. What the outside world refuses fails the step (in words); what the service's own database refuses
 * propagates, leaving the stored state as it was for the next attempt.
 */
@ApplicationScoped
public class StepRun {

    private static final Logger LOG = Logger.getLogger(StepRun.class);
    private static final long PROGRESS_EVERY_MS = 1000;

    private final RunbookLedger ledger;
    private final DatabaseRecovery template;
    private final RecoveryWorld world;
    private final Clock clock;

    StepRun(RunbookLedger ledger, DatabaseRecovery template, RecoveryWorld world, Clock clock) {
        this.ledger = ledger;
        this.template = template;
        this.world = world;
        this.clock = clock;
    }

    /** @return true when the step is done and the runbook can go on; false when it waits or failed */
    boolean run(String id, RunbookLedger.Next.Run run) {
        RunbookStep stored = run.step();
        RecoveryStep step = template.step(stored.number);
        StepContext context = new StepContext(id, run.runbookStartedAt(), run.targets(), world,
                progressOf(id, stored.number));
        Verification verification;
        try {
            boolean resumeAtVerify = stored.phase == StepPhase.VERIFY;
            if (!resumeAtVerify && !checkAndAct(id, stored, step, context)) {
                return false;
            }
            verification = step.verify(context);
        } catch (StepFailure | SqlServerFailure | WindowsHostFailure e) {
            ledger.failed(id, stored.number, e.getMessage(), context.remarks());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            if (isOwnDatabase(e)) {
                throw (RuntimeException) e;
            }
            LOG.warnf(e, "Step %d of runbook %s failed unexpectedly", stored.number, id);
            ledger.failed(id, stored.number, e.getClass().getSimpleName() + ": " + e.getMessage(), context.remarks());
            return false;
        }
        return settle(id, stored, step, context, verification);
    }

    private boolean checkAndAct(String id, RunbookStep stored, RecoveryStep step, StepContext context)
            throws Exception {
        Check check = step.check(context);
        if (check.state() == Check.State.DONE) {
            ledger.verifying(id, stored.number, "already done: " + check.says());
            return true;
        }
        if (check.state() == Check.State.UNKNOWN && stored.interruptedWhileActing() && !step.idempotent()) {
            ledger.failed(id, stored.number, "the service stopped while this step acted, and whether its action "
                    + "happened cannot be told (" + check.says() + "); it is not run again on a guess: look, then "
                    + "retry or skip it", context.remarks());
            return false;
        }
        if (stored.interruptedWhileActing()) {
            context.remark("resumed after an interruption: " + check.says());
        }
        ledger.acting(id, stored.number);
        step.act(context);
        ledger.verifying(id, stored.number, null);
        return true;
    }

    private boolean settle(String id, RunbookStep stored, RecoveryStep step, StepContext context,
            Verification verification) {
        switch (verification.result()) {
            case PASSED -> {
                ledger.done(id, stored.number, verification.says(), context.remarks());
                return true;
            }
            case NOT_YET -> {
                Instant began = stored.startedAt == null ? clock.instant() : stored.startedAt;
                if (clock.instant().isAfter(began.plus(step.waitLimit()))) {
                    ledger.failed(id, stored.number, "not within " + step.waitLimit().toMinutes() + " minutes: "
                            + verification.says(), context.remarks());
                } else if (stored.status != StepStatus.WAITING || !verification.says().equals(stored.outcome)) {
                    ledger.waiting(id, stored.number, verification.says());
                }
                return false;
            }
            default -> {
                ledger.failed(id, stored.number, verification.says(), context.remarks());
                return false;
            }
        }
    }

    /** Progress is stored at most once a second, and always at 100. */
    private java.util.function.IntConsumer progressOf(String id, int number) {
        AtomicLong last = new AtomicLong();
        return percent -> {
            long now = clock.millis();
            if (percent >= 100 || now - last.get() >= PROGRESS_EVERY_MS) {
                last.set(now);
                try {
                    ledger.progress(id, number, percent);
                } catch (RuntimeException e) {
                    LOG.debugf("Progress of runbook %s not stored: %s", id, e.getMessage());
                }
            }
        };
    }

    private static boolean isOwnDatabase(Exception e) {
        return e instanceof jakarta.persistence.PersistenceException
                || e instanceof jakarta.transaction.TransactionalException
                || e instanceof io.quarkus.narayana.jta.QuarkusTransactionException;
    }
}
