package io.wfdr.spine.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.BeforeDestroyed;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionScoped;

/**
 * Writes an audited call's record in the transaction of its change: just before the first transaction of the call
 * commits, so the change and its record commit together or not at all.
 */
@ApplicationScoped
class AuditInTransaction {

    private final AuditTrail trail;
    private final TransactionManager transactions;

    AuditInTransaction(AuditTrail trail, TransactionManager transactions) {
        this.trail = trail;
        this.transactions = transactions;
    }

    void beforeCommit(@Observes @BeforeDestroyed(TransactionScoped.class) Object transaction) throws SystemException {
        AuditContext context = AuditContext.current();
        AuditContext.Call call = context == null ? null : context.call();
        if (call == null || !call.audited || call.completing || call.recordId != null
                || transactions.getStatus() != Status.STATUS_ACTIVE) {
            return;
        }
        context.actor();
        context.requestId();
        trail.recordCommitted(call);
    }
}
