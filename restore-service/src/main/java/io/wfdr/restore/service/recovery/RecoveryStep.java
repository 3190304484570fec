package io.wfdr.restore.service.recovery;

import java.time.Duration;
import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;

/**
 * One step of a runbook: first {@link #check} whether its effect is already there (so every step is safe to run
 * again), then {@link #act}, then {@link #verify}. A step whose action cannot be repeated says so
 * ({@link #idempotent()} false); its check must then be able to tell whether the action happened.
 */
public interface RecoveryStep {

    /** A short stable name, e.g. {@code restore-chain}. */
    String name();

    /** What it does, in the guide's words. */
    String title();

    /** False when running the action twice would do harm or fail (CREATE LOGIN, RESTORE … WITH RECOVERY). */
    boolean idempotent();

    /**
     * Whether, for these targets, the step is left to an operator (who completes it with a note): the engine neither
     * checks nor acts — e.g. the Windows steps on a server the inventory gives wfdr no way into.
     */
    default boolean manualWhen(RecoveryTargets targets) {
        return false;
    }

    /** How long the step may wait in {@link Verification#notYet} before it fails. */
    default Duration waitLimit() {
        return Duration.ofMinutes(10);
    }

    /** Every T-SQL statement, PowerShell script and command the step would run, in order, secrets left out. */
    List<String> script(RecoveryTargets targets);

    /** What the step will do, in words, for its start record (never a secret). */
    String input(RecoveryTargets targets);

    Check check(StepContext context) throws Exception;

    void act(StepContext context) throws Exception;

    Verification verify(StepContext context) throws Exception;
}
