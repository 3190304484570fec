package io.wfdr.restore.sqlserver;

import java.util.ArrayList;
import java.util.List;

import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * The errors the simulated server reports for one statement, in SQL Server's order (the cause, then follow-ups such
 * as 3156 and 3119); the 3013 trailer is added by the kind of statement, as the real server adds it.
 */
final class SimulatedRefusal extends Exception {

    private final transient List<SqlServerError> errors = new ArrayList<>();

    private SimulatedRefusal(int number, String message) {
        super(message, null, false, false);
        errors.add(new SqlServerError(number, 16, message));
    }

    static SimulatedRefusal of(int number, String message) {
        return new SimulatedRefusal(number, message);
    }

    SimulatedRefusal then(int number, String message) {
        errors.add(new SqlServerError(number, 16, message));
        return this;
    }

    /** Planning errors of a RESTORE end with 3119 before the trailer. */
    SimulatedRefusal planning() {
        return then(3119, "Problems were identified while planning for the RESTORE statement. Previous messages "
                + "provide details.");
    }

    int number() {
        return errors.get(0).number();
    }

    SqlServerFailure failure(String shown, String trailer) {
        List<SqlServerError> all = new ArrayList<>(errors);
        if (trailer != null) {
            all.add(new SqlServerError(SqlServerError.TERMINATING_ABNORMALLY, 16, trailer));
        }
        return new SqlServerFailure(shown, all, null);
    }
}
