package io.wfdr.spine.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Whether a failure to apply a well-formed message says nothing about the message: the database is down or busy
 * (a lost connection, a lock or query timeout, a deadlock). Such a message is retried until it applies; parking it
 * would lose a valid command.
 */
final class TransientFailures {

    /** SQLSTATE classes and codes of a connection lost (08), a transaction rolled back by the server (40), a timeout. */
    private static final Set<String> TRANSIENT_STATES = Set.of("08", "40", "HYT00", "HYT01");
    private static final Set<String> TRANSIENT_TYPES = Set.of("jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException", "jakarta.persistence.QueryTimeoutException",
            "org.hibernate.exception.JDBCConnectionException", "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException", "org.hibernate.PessimisticLockException");

    private TransientFailures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || TRANSIENT_TYPES.contains(cause.getClass().getName())) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (TRANSIENT_STATES.contains(sql.getSQLState())
                            || TRANSIENT_STATES.contains(sql.getSQLState().substring(0, Math.min(2,
                                    sql.getSQLState().length()))))) {
                return true;
            }
        }
        return false;
    }
}
