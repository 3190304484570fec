package io.wfdr.restore.domain;

/** A step's state: WAITING is a manual step waiting for an operator, or a step waiting for the world to change. */
public enum StepStatus {
    PENDING, RUNNING, WAITING, DONE, FAILED, SKIPPED;

    public boolean finished() {
        return this == DONE || this == SKIPPED;
    }
}
