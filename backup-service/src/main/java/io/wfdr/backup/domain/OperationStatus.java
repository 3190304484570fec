package io.wfdr.backup.domain;

/** Where a backup operation stands. A RUNNING operation found at start-up was interrupted and is reported FAILED. */
public enum OperationStatus {
    ACCEPTED, RUNNING, SUCCEEDED, FAILED
}
