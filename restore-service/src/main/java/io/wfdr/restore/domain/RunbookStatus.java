package io.wfdr.restore.domain;

/**
 * Where a runbook is. It ends COMPLETED only when every verification passed; RESTORED_NOT_VERIFIED when the
 * database is back but a verification failed (the runbook says which). FAILED waits for an operator: retry or skip
 * the failed step, or cancel.
 */
public enum RunbookStatus {
    AWAITING_APPROVAL, QUEUED, RUNNING, WAITING_FOR_OPERATOR, PAUSED, FAILED, CANCELLED, COMPLETED,
    RESTORED_NOT_VERIFIED;

    public boolean ended() {
        return this == CANCELLED || this == COMPLETED || this == RESTORED_NOT_VERIFIED;
    }

    /** States in which the engine works on it (and holds its lease). */
    public boolean runnable() {
        return this == QUEUED || this == RUNNING;
    }
}
