package io.wfdr.spine.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import com.microsoft.sqlserver.jdbc.ISQLServerMessage;
import org.junit.jupiter.api.Test;

/** The adapter reads every result and message: the test double plays SQL Server's reply, step by step. */
class StatementRunnerTest {

    @Test
    void anErrorThatFollowsAnEarlierResultIsSurfacedNotSwallowed() {
        SQLException cause = new SQLException("Cannot open backup device 'X:\\nope\\TFLOWF.bak'. Operating system "
                + "error 3(The system cannot find the path specified.).", "S0001", 3201);
        cause.setNextException(new SQLException("BACKUP DATABASE is terminating abnormally.", "S0001", 3013));
        Statement statement = reply(new Object[] {false, 1}, cause);

        SQLException thrown = assertThrows(SQLException.class,
                () -> StatementRunner.runToEnd(statement, "BACKUP DATABASE [TFLOWF] TO DISK = N'X:\\nope'"));
        SqlServerFailure failure = SqlServerFailure.from("BACKUP DATABASE [TFLOWF]", thrown);

        assertEquals(3201, failure.cause().number(), "the error that says why, not the 3013 trailer");
        assertEquals(List.of(3201, 3013), failure.errors().stream().map(SqlServerError::number).toList());
    }

    @Test
    void resultSetsAreDrainedUntilThereIsNothingMore() throws SQLException {
        Statement statement = reply(new Object[] {true, -1}, new Object[] {false, 3}, new Object[] {false, -1});
        StatementRunner.runToEnd(statement, "RESTORE HEADERONLY FROM DISK = N'x'");
    }

    @Test
    void statsMessagesBecomeProgressAndOtherMessagesAreKept() {
        List<Integer> progress = new ArrayList<>();
        var handler = StatementRunner.progressTo(progress::add);
        assertNull(handler.messageHandler(message(3211, "10 percent processed.")));
        assertNull(handler.messageHandler(message(3211, "100 percent processed.")));
        ISQLServerMessage other = message(4035, "Processed 520 pages for database 'TFLOWF'");
        assertSame(other, handler.messageHandler(other));
        assertEquals(List.of(10, 100), progress);
    }

    /**
     * A Statement whose execute/getMoreResults answer with the given [isResultSet, updateCount] steps, then
     * throws {@code last} if it is an exception.
     */
    private static Statement reply(Object... steps) {
        Deque<Object> remaining = new ArrayDeque<>(List.of(steps));
        Object[][] current = {null};
        return (Statement) Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "execute", "getMoreResults" -> {
                        Object next = remaining.poll();
                        if (next instanceof SQLException e) {
                            throw e;
                        }
                        current[0] = (Object[]) next;
                        yield current[0][0];
                    }
                    case "getUpdateCount" -> current[0][1];
                    case "getResultSet" -> emptyResultSet();
                    default -> null;
                });
    }

    private static ResultSet emptyResultSet() {
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> method.getName().equals("next") ? false : null);
    }

    private static ISQLServerMessage message(int number, String text) {
        return (ISQLServerMessage) Proxy.newProxyInstance(ISQLServerMessage.class.getClassLoader(),
                new Class<?>[] {ISQLServerMessage.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getErrorNumber" -> number;
                    case "getErrorMessage" -> text;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }
}
