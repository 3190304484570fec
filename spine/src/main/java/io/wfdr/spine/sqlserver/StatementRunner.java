package io.wfdr.spine.sqlserver;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.sqlserver.jdbc.ISQLServerMessage;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;

/**
 * Runs one BACKUP / RESTORE statement and reads every result, update count and message it produces: an error
 * that follows an earlier result is only thrown when the loop reaches it, and {@code close()} would swallow it.
 * STATS messages (3211, "n percent processed.") become progress.
 */
public final class StatementRunner {

    static final int PERCENT_PROCESSED = 3211;
    private static final Pattern PERCENT = Pattern.compile("(\\d+) percent processed");

    private StatementRunner() {
    }

    public static void runToEnd(Statement statement, String sql) throws SQLException {
        boolean isResultSet = statement.execute(sql);
        while (true) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        // drained: errors can follow rows
                    }
                }
            } else if (statement.getUpdateCount() == -1) {
                return;
            }
            isResultSet = statement.getMoreResults();
        }
    }

    /** Turns STATS messages into progress and keeps every other message as it is. */
    public static ISQLServerMessageHandler progressTo(IntConsumer progress) {
        return message -> {
            if (message.getErrorNumber() == PERCENT_PROCESSED) {
                percentOf(message).ifPresent(progress::accept);
                return null;
            }
            return message;
        };
    }

    static java.util.OptionalInt percentOf(ISQLServerMessage message) {
        Matcher m = PERCENT.matcher(message.getErrorMessage() == null ? "" : message.getErrorMessage());
        return m.find() ? java.util.OptionalInt.of(Integer.parseInt(m.group(1))) : java.util.OptionalInt.empty();
    }
}
