package io.wfdr.backup.sqlserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;
import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.CatalogEntry;

/**
 * The SQL Server adapter over mssql-jdbc. Every statement runs on its own connection to {@code master}, with
 * autocommit on (BACKUP and RESTORE are not allowed inside a transaction), no query timeout (a finite one would
 * abort a long restore half-way), and the password resolved from its secret reference only at connect time.
 */
public class JdbcSqlServer implements SqlServerGateway {

    static final String HISTORY = """
            SELECT b.backup_set_uuid, b.database_name, b.type, b.is_copy_only, b.first_lsn, b.last_lsn,
                   b.database_backup_lsn, b.differential_base_guid, b.first_recovery_fork_guid,
                   b.last_recovery_fork_guid, b.is_damaged, b.checkpoint_lsn, b.differential_base_lsn,
                   b.has_backup_checksums, b.backup_size, b.compressed_backup_size, b.media_set_id,
                   DATEADD(MINUTE, DATEDIFF(MINUTE, GETDATE(), GETUTCDATE()), b.backup_finish_date) AS finished_utc
              FROM msdb.dbo.backupset b
             WHERE b.database_name = ? AND b.backup_finish_date >= DATEADD(MINUTE, -?, GETDATE())
               AND b.type IN ('D', 'I', 'L')
             ORDER BY b.backup_finish_date, b.first_lsn""";

    /** Every stripe of a media set, one mirror only. */
    static final String FILES = """
            SELECT f.physical_device_name
              FROM msdb.dbo.backupmediafamily f
             WHERE f.media_set_id = ? AND f.mirror = 0
             ORDER BY f.family_sequence_number""";

    private final String url;
    private final String user;
    private final Supplier<String> password;

    /** @param url a jdbc:sqlserver:// URL; the adapter always connects to master */
    public JdbcSqlServer(String url, String user, Supplier<String> password) {
        this.url = url.contains("databaseName=") ? url.replaceAll("databaseName=[^;]*", "databaseName=master")
                : url + ";databaseName=master";
        this.user = user;
        this.password = password;
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

    /**
     * The backups msdb recorded for a database over the last {@code lookBack}: full, differential and log. msdb
     * keeps the server's local time; the window is taken on the server's clock and times are returned in UTC.
     */
    @Override
    public List<CatalogEntry> history(String database, Duration lookBack) throws SqlServerFailure {
        try (Connection connection = connect();
                PreparedStatement query = connection.prepareStatement(HISTORY)) {
            query.setString(1, database);
            query.setLong(2, Math.max(1, lookBack.toMinutes()));
            List<CatalogEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery();
                    PreparedStatement files = connection.prepareStatement(FILES)) {
                while (rows.next()) {
                    entries.add(entry(rows, files(files, rows.getInt("media_set_id"))));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw SqlServerFailure.from(HISTORY, e);
        }
    }

    private static List<String> files(PreparedStatement query, int mediaSetId) throws SQLException {
        query.setInt(1, mediaSetId);
        List<String> files = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                files.add(rows.getString(1));
            }
        }
        return files;
    }

    static CatalogEntry entry(ResultSet rows, List<String> files) throws SQLException {
        return new CatalogEntry(rows.getString("backup_set_uuid"), rows.getString("database_name"),
                type(rows.getString("type")), rows.getBoolean("is_copy_only"), rows.getBigDecimal("first_lsn"),
                rows.getBigDecimal("last_lsn"), rows.getBigDecimal("database_backup_lsn"),
                rows.getString("differential_base_guid"), rows.getString("first_recovery_fork_guid"),
                rows.getString("last_recovery_fork_guid"),
                rows.getObject("finished_utc", LocalDateTime.class).toInstant(ZoneOffset.UTC),
                rows.getBoolean("is_damaged"), rows.getBigDecimal("checkpoint_lsn"),
                rows.getBigDecimal("differential_base_lsn"), rows.getBoolean("has_backup_checksums"),
                bytes(rows, "backup_size"), bytes(rows, "compressed_backup_size"), files);
    }

    /** numeric(20,0): read as BigDecimal (getLong would wrap silently on overflow), then checked into a long. */
    private static long bytes(ResultSet rows, String column) throws SQLException {
        java.math.BigDecimal value = rows.getBigDecimal(column);
        return value == null ? 0 : value.longValueExact();
    }

    static BackupType type(String msdbType) {
        for (BackupType type : BackupType.values()) {
            if (type.msdbType.equals(msdbType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a database, differential or log backup: " + msdbType);
    }

    private Connection connect() throws SQLException {
        Connection connection = DriverManager.getConnection(url, user, password.get());
        connection.setAutoCommit(true);
        return connection;
    }
}
