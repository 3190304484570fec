package io.wfdr.snapshot.domain;

/** Where an operation is: accepted (it runs, also after a restart), running, or ended one way or the other. */
public enum OperationStatus {
    ACCEPTED, RUNNING, SUCCEEDED, FAILED;

    public boolean ended() {
        return this == SUCCEEDED || this == FAILED;
    }
}
