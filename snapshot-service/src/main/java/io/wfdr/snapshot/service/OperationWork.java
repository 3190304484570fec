package io.wfdr.snapshot.service;

import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.domain.VmOperation;
import jakarta.enterprise.context.ApplicationScoped;

/** Sends an operation to the run of its kind, and records whatever stops it as its failure, in words. */
@ApplicationScoped
public class OperationWork {

    private final OperationLog log;
    private final SnapshotRun snapshots;
    private final RevertRun reverts;
    private final RebuildRun rebuilds;
    private final FailbackRun failbacks;

    OperationWork(OperationLog log, SnapshotRun snapshots, RevertRun reverts, RebuildRun rebuilds,
            FailbackRun failbacks) {
        this.failbacks = failbacks;
        this.log = log;
        this.snapshots = snapshots;
        this.reverts = reverts;
        this.rebuilds = rebuilds;
    }

    public void run(String operationId) {
        VmOperation operation = log.start(operationId);
        if (operation.status != OperationStatus.RUNNING) {
            return;
        }
        try {
            switch (operation.kind) {
                case SNAPSHOT -> snapshots.run(operation);
                case REVERT -> reverts.run(operation);
                case REBUILD -> rebuilds.run(operation);
                case FAILBACK -> failbacks.run(operation);
            }
        } catch (Exception e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            switch (operation.kind) {
                case SNAPSHOT, FAILBACK -> snapshots.failed(operation, reason);
                default -> log.failed(operation.id, reason);
            }
        }
    }
}
