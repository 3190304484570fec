package io.wfdr.snapshot.domain;

/** What a snapshot-service operation does. */
public enum OperationKind {
    SNAPSHOT, REVERT, REBUILD, FAILBACK
}
