package io.wfdr.snapshot.service;

import java.time.Clock;

import io.wfdr.snapshot.domain.OperationStatus;
import io.wfdr.snapshot.domain.VmOperation;
import io.wfdr.spine.audit.AuditRecord;
import io.wfdr.spine.audit.AuditTrail;
import io.wfdr.spine.problem.NotFoundProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** An operation's progress as it runs, each change committed at once so a poller (and a restart) sees it. */
@ApplicationScoped
public class OperationLog {

    private final EntityManager em;
    private final Clock clock;
    private final AuditTrail audit;

    OperationLog(EntityManager em, Clock clock, AuditTrail audit) {
        this.em = em;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public VmOperation start(String id) {
        VmOperation operation = find(id);
        if (operation.status == OperationStatus.ACCEPTED || operation.status == OperationStatus.RUNNING) {
            operation.status = OperationStatus.RUNNING;
            operation.startedAt = operation.startedAt == null ? clock.instant() : operation.startedAt;
        }
        em.flush();
        em.detach(operation);
        return operation;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void progress(String id, int percent, String message) {
        VmOperation operation = find(id);
        operation.percent = Math.max(operation.percent, percent);
        operation.message = message;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void succeeded(String id, String snapshotId, String message) {
        end(id, OperationStatus.SUCCEEDED, message).snapshotId = snapshotId;
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public void failed(String id, String message) {
        end(id, OperationStatus.FAILED, message);
    }

    private VmOperation end(String id, OperationStatus status, String message) {
        VmOperation operation = find(id);
        operation.status = status;
        operation.percent = status == OperationStatus.SUCCEEDED ? 100 : operation.percent;
        operation.message = message == null ? null : message.substring(0, Math.min(message.length(), 4000));
        operation.finishedAt = clock.instant();
        audit.recordWork(new AuditTrail.WorkStep(operation.requestedBy, null, "snapshot-operation."
                + operation.kind.name().toLowerCase(java.util.Locale.ROOT) + "." + status.name()
                .toLowerCase(java.util.Locale.ROOT), "/api/snapshot-operations/{id}", operation.id, null,
                status == OperationStatus.SUCCEEDED ? AuditRecord.Outcome.SUCCEEDED : AuditRecord.Outcome.FAILED,
                operation.message, java.util.UUID.randomUUID().toString(), null), AuditRecord.Channel.OPERATION);
        return operation;
    }

    private VmOperation find(String id) {
        VmOperation operation = em.find(VmOperation.class, id);
        if (operation == null) {
            throw new NotFoundProblem("Snapshot operation", id);
        }
        return operation;
    }
}
