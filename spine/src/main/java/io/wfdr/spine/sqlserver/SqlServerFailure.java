package io.wfdr.spine.sqlserver;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A statement SQL Server refused or aborted, with every error it reported, in order. The cause is the first
 * error that is not the 3013 trailer: 3201 (cannot open backup device), 4214 (no current database backup), ...
 */
public class SqlServerFailure extends Exception {

    private final transient List<SqlServerError> errors;

    public SqlServerFailure(String statement, List<SqlServerError> errors, Throwable cause) {
        super(describe(statement, errors), cause);
        this.errors = List.copyOf(errors);
    }

    public List<SqlServerError> errors() {
        return errors;
    }

    /** The error that says why, not the 3013 that says that. */
    public SqlServerError cause() {
        return errors.stream().filter(e -> e.number() != SqlServerError.TERMINATING_ABNORMALLY).findFirst()
                .orElse(errors.isEmpty() ? new SqlServerError(0, 0, getMessage()) : errors.get(0));
    }

    public static SqlServerFailure from(String statement, SQLException exception) {
        List<SqlServerError> errors = new ArrayList<>();
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            errors.add(new SqlServerError(e.getErrorCode(), severityOf(e), e.getMessage()));
        }
        return new SqlServerFailure(statement, errors, exception);
    }

    private static int severityOf(SQLException e) {
        if (e instanceof com.microsoft.sqlserver.jdbc.SQLServerException server && server.getSQLServerError() != null) {
            return server.getSQLServerError().getErrorSeverity();
        }
        return 16;
    }

    private static String describe(String statement, List<SqlServerError> errors) {
        String first = errors.stream().filter(e -> e.number() != SqlServerError.TERMINATING_ABNORMALLY)
                .map(e -> "Msg " + e.number() + ": " + e.message()).findFirst()
                .orElse(errors.isEmpty() ? "no error reported" : errors.get(0).message());
        String verb = statement.length() > 60 ? statement.substring(0, 60) + "..." : statement;
        return first + " (while running: " + verb + ")";
    }
}
