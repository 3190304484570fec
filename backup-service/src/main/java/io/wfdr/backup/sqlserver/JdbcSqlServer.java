package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.sqlserver.StatementRunner;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.wfdr.spine.contract.BackupSet;

/**
 * The SQL Server adapter over mssql-jdbc. Every statement runs on its own connection to {@code master}, with
 * autocommit on (BACKUP and RESTORE are not allowed inside a transaction), no query timeout (a finite one would
 * abort a long restore half-way), and the password resolved from its secret reference only at connect time.
 * Connection properties are set one by one on the driver's data source, never written into a URL, so no value can
 * add a property of its own.
 */
public class JdbcSqlServer implements SqlServerGateway {

    private final SqlServerTarget target;
    private final String user;
    private final Supplier<String> password;

    public JdbcSqlServer(SqlServerTarget target, String user, Supplier<String> password) {
        this.target = target;
        this.user = user;
        this.password = password;
    }

    @Override
    public SqlServerTarget target() {
        return target;
    }

    @Override
    public void execute(String sql, IntConsumer progress) throws SqlServerFailure {
        try (Connection connection = connect()) {
            ISQLServerConnection server = connection.unwrap(ISQLServerConnection.class);
            ISQLServerMessageHandler previous = server.setServerMessageHandler(StatementRunner.progressTo(progress));
            try (Statement statement = connection.createStatement()) {
                StatementRunner.runToEnd(statement, sql);
            } finally {
                server.setServerMessageHandler(previous);
            }
        } catch (SQLException e) {
            throw SqlServerFailure.from(sql, e);
        }
    }

    /** What msdb recorded for a database over the last {@code lookBack} (on the server's clock), times in UTC. */
    @Override
    public List<BackupSet> history(String database, Duration lookBack) throws SqlServerFailure {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(MsdbHistory.HISTORY)) {
            query.setString(1, database);
            query.setLong(2, Math.max(1, lookBack.toMinutes()));
            return MsdbHistory.read(connection, query);
        } catch (SQLException e) {
            throw SqlServerFailure.from(MsdbHistory.HISTORY, e);
        }
    }

    @Override
    public List<BackupSet> backupSetsIn(String physicalDeviceName) throws SqlServerFailure {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(MsdbHistory.IN_FILE)) {
            query.setString(1, physicalDeviceName);
            return MsdbHistory.read(connection, query);
        } catch (SQLException e) {
            throw SqlServerFailure.from(MsdbHistory.IN_FILE, e);
        }
    }

    private Connection connect() throws SQLException {
        Connection connection = dataSource().getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    SQLServerDataSource dataSource() {
        return target.masterDataSource("wfdr-backup", user, password.get());
    }
}
