package io.wfdr.spine.problem;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import jakarta.ws.rs.core.Response;

/**
 * What the database refused that validation let through, answered as the caller's problem rather than a 500: a
 * unique name taken by a request that committed first (409), a value longer or larger than its column keeps (400).
 * Nothing was changed: the transaction rolled back.
 */
final class DatabaseRefusals {

    /** SQL Server's error numbers for a duplicate key (a unique constraint, a unique index). */
    private static final Set<Integer> SQL_SERVER_DUPLICATE = Set.of(2627, 2601);
    private static final String NOTHING_CHANGED = "; nothing was changed by this request.";

    private DatabaseRefusals() {
    }

    static Response problem(Throwable e, String path) {
        SQLException sql = sqlCause(e);
        if (sql == null || sql.getSQLState() == null) {
            return null;
        }
        String state = sql.getSQLState();
        if ("23505".equals(state) || "23000".equals(state) && SQL_SERVER_DUPLICATE.contains(sql.getErrorCode())) {
            return Problem.of(Response.Status.CONFLICT, "Another request created the same name or key at the same "
                    + "time and committed first" + NOTHING_CHANGED + " Read the list again.").at(path).toResponse();
        }
        if (state.startsWith("23")) {
            return Problem.of(Response.Status.CONFLICT, "The change conflicts with other data changed at the same "
                    + "time (a reference to something removed, or that another item still refers to)"
                    + NOTHING_CHANGED).at(path).toResponse();
        }
        if ("22001".equals(state)) {
            return Problem.of(Response.Status.BAD_REQUEST, "A value is longer than the service keeps"
                    + NOTHING_CHANGED + " Shorten it.").at(path).toResponse();
        }
        if ("22003".equals(state)) {
            return Problem.of(Response.Status.BAD_REQUEST, "A number is larger than the service keeps"
                    + NOTHING_CHANGED).at(path).toResponse();
        }
        return null;
    }

    private static SQLException sqlCause(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
