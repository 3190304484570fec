package io.wfdr.restore.sqlserver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of a statement's first result set, then every later result to the end: an error that follows the
 * rows (RESTORE HEADERONLY of a damaged file, a failing step of a procedure) is only raised when the loop reaches
 * it, and closing the statement instead would swallow it.
 */
final class ResultRows {

    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private ResultRows() {
    }

    /** {@code isResultSet} is what {@code execute()} returned. */
    static <T> List<T> read(Statement statement, boolean isResultSet, Row<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        boolean first = true;
        boolean hasResultSet = isResultSet;
        while (true) {
            if (hasResultSet) {
                try (ResultSet resultSet = statement.getResultSet()) {
                    while (resultSet.next()) {
                        if (first) {
                            rows.add(mapper.read(resultSet));
                        }
                    }
                }
                first = false;
            } else if (statement.getUpdateCount() == -1) {
                return rows;
            }
            hasResultSet = statement.getMoreResults();
        }
    }
}
