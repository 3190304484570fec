package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import com.microsoft.sqlserver.jdbc.ISQLServerConnection;
import com.microsoft.sqlserver.jdbc.ISQLServerMessageHandler;
import com.microsoft.sqlserver.jdbc.SQLServerDataSource;
import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.sqlserver.StatementRunner;

/**
 * The DR SQL Server over mssql-jdbc. Every call opens its own connection to {@code master} with autocommit on
 * (RESTORE is not allowed in a transaction), runs without a query timeout (a finite one would abort a long restore
 * and leave the database RESTORING), reads every result to its end, and resolves the password only when it
 * connects. Connection properties are set one by one on the driver's data source, never written into a URL.
 * Failures name the statement by {@link TSqlStatement#shown()}.
 */
public class JdbcTargetSqlServer implements TargetSqlServer {

    static final String APPLICATION_NAME = "wfdr-restore";
    private static final int INVALID_OBJECT_NAME = 208;
    private static final long MEGABYTE = 1024L * 1024L;

    private final SqlServerTarget target;
    private final String login;
    private final Supplier<String> password;

    public JdbcTargetSqlServer(SqlServerTarget target, String login, Supplier<String> password) {
        this.target = target;
        this.login = login;
        this.password = password;
    }

    @Override
    public String display() {
        return target.display();
    }

    /** Default folders fall back to master's own folders when SERVERPROPERTY has none; the separator to theirs. */
    @Override
    public ServerFacts facts() throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.FACTS), NO_PARAMETERS, row -> {
            String version = row.getString("product_version");
            String separator = row.getString("path_separator");
            String dataPath = row.getString("data_path");
            String logPath = row.getString("log_path");
            if (dataPath == null || dataPath.isEmpty()) {
                dataPath = folderOf(row.getString("master_data"));
            }
            if (logPath == null || logPath.isEmpty()) {
                logPath = folderOf(row.getString("master_log"));
            }
            if (separator == null || separator.isEmpty()) {
                separator = dataPath != null && dataPath.startsWith("/") ? "/" : "\\";
            }
            return new ServerFacts(version, majorOf(version), row.getString("edition"),
                    withSeparator(dataPath, separator), withSeparator(logPath, separator), separator);
        }).get(0);
    }

    @Override
    public Optional<DatabaseState> database(String name) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.DATABASE), q -> q.setString(1, name),
                row -> new DatabaseState(row.getString("name"), row.getString("state_desc"),
                        row.getString("user_access_desc"), row.getString("recovery_model_desc")))
                .stream().findFirst();
    }

    @Override
    public List<String> pathsInUse(List<String> physicalPaths) throws SqlServerFailure {
        Set<String> inUse = new HashSet<>(query(TSqlStatement.of(TargetQueries.MASTER_FILES), NO_PARAMETERS,
                row -> row.getString("physical_name").toUpperCase(Locale.ROOT)));
        return physicalPaths.stream().filter(p -> inUse.contains(p.toUpperCase(Locale.ROOT))).toList();
    }

    /**
     * Free bytes of the volume that holds the folder (longest mount point it starts with). Read first from
     * {@code sys.dm_os_volume_stats} over every database file (exact bytes, mount points included, 2008 R2 SP1+),
     * then {@code sys.dm_os_enumerate_fixed_drives} (drive letters, 2017 CU1+), then {@code xp_fixeddrives} (drive
     * letters in whole megabytes, rounded down: the last resort on 2016). All three need VIEW SERVER STATE. A folder
     * on a volume none of them lists (a mount point without a database file, a UNC share) is a failure, not 0.
     */
    @Override
    public long freeBytes(String folder) throws SqlServerFailure {
        Optional<Volume> volume = Volume.holding(folder, volumes(TargetQueries.VOLUMES_OF_DATABASE_FILES));
        if (volume.isEmpty()) {
            volume = Volume.holding(folder, fixedDrives());
        }
        if (volume.isEmpty()) {
            volume = Volume.holding(folder, query(TSqlStatement.of(TargetQueries.XP_FIXEDDRIVES), NO_PARAMETERS,
                    row -> new Volume(row.getString(1) + ":\\", row.getLong(2) * MEGABYTE)));
        }
        return volume.orElseThrow(() -> new SqlServerFailure("free bytes of " + folder, List.of(new SqlServerError(0,
                16, "no volume that SQL Server reports holds " + folder)), null)).freeBytes();
    }

    @Override
    public boolean hasEncryptor(String thumbprint) throws SqlServerFailure {
        byte[] bytes = HexFormat.of().parseHex(thumbprint.startsWith("0x") ? thumbprint.substring(2) : thumbprint);
        return !query(TSqlStatement.of(TargetQueries.ENCRYPTOR), q -> {
            q.setBytes(1, bytes);
            q.setBytes(2, bytes);
        }, row -> 1).isEmpty();
    }

    @Override
    public List<BackupHeader> headerOnly(List<String> files) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.headerOnly(files)), NO_PARAMETERS, JdbcTargetSqlServer::header);
    }

    @Override
    public List<BackupFile> fileListOnly(List<String> files, int position) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.fileListOnly(files, position)), NO_PARAMETERS,
                row -> new BackupFile(row.getString("LogicalName"), row.getString("PhysicalName"),
                        row.getString("Type"), row.getBigDecimal("Size").longValueExact()));
    }

    @Override
    public void verifyOnly(List<String> files, int position, boolean withChecksum) throws SqlServerFailure {
        execute(TSqlStatement.of(TargetQueries.verifyOnly(files, position, withChecksum)), p -> { });
    }

    @Override
    public Set<String> restoredSince(String database, Instant since) throws SqlServerFailure {
        return new TreeSet<>(query(TSqlStatement.of(TargetQueries.RESTORED_SINCE), q -> {
            q.setString(1, database);
            q.setObject(2, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        }, row -> row.getString("guid")));
    }

    @Override
    public Optional<byte[]> sqlLoginSid(String login) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.SQL_LOGIN_SID), q -> q.setString(1, login),
                row -> row.getBytes("sid")).stream().findFirst();
    }

    @Override
    public List<DatabaseUser> users(String database) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.users(database)), NO_PARAMETERS,
                row -> new DatabaseUser(row.getString("name"), row.getBytes("sid"), row.getString("type").trim(),
                        row.getString("login_name")));
    }

    /**
     * The first column of the first row, read as UTC: a datetime or datetime2 is taken to hold UTC already (the
     * query converts a local-time column itself, e.g. with {@code AT TIME ZONE}); a datetimeoffset keeps its offset.
     */
    @Override
    public Optional<Instant> newestActivity(String database, String query) throws SqlServerFailure {
        return query(TSqlStatement.of(TargetQueries.inDatabase(database)), q -> q.setString(1, query),
                JdbcTargetSqlServer::instantOf).stream().findFirst().flatMap(o -> o);
    }

    @Override
    public void execute(TSqlStatement statement, IntConsumer progress) throws SqlServerFailure {
        try (Connection connection = connect()) {
            ISQLServerConnection server = connection.unwrap(ISQLServerConnection.class);
            ISQLServerMessageHandler previous = server.setServerMessageHandler(StatementRunner.progressTo(progress));
            try (Statement running = connection.createStatement()) {
                running.setQueryTimeout(0);
                StatementRunner.runToEnd(running, statement.sql());
            } finally {
                server.setServerMessageHandler(previous);
            }
        } catch (SQLException e) {
            throw SecretRedaction.failure(statement, e);
        }
    }

    @FunctionalInterface
    private interface Parameters {
        void set(PreparedStatement query) throws SQLException;
    }

    private static final Parameters NO_PARAMETERS = query -> { };

    /** Without parameters a plain Statement runs the text as it is (a RESTORE ...ONLY needs no sp_executesql). */
    private <T> List<T> query(TSqlStatement statement, Parameters parameters, ResultRows.Row<T> mapper)
            throws SqlServerFailure {
        try (Connection connection = connect()) {
            if (parameters == NO_PARAMETERS) {
                try (Statement query = connection.createStatement()) {
                    query.setQueryTimeout(0);
                    return ResultRows.read(query, query.execute(statement.sql()), mapper);
                }
            }
            try (PreparedStatement query = connection.prepareStatement(statement.sql())) {
                query.setQueryTimeout(0);
                parameters.set(query);
                return ResultRows.read(query, query.execute(), mapper);
            }
        } catch (SQLException e) {
            throw SecretRedaction.failure(statement, e);
        }
    }

    private List<Volume> volumes(String sql) throws SqlServerFailure {
        return query(TSqlStatement.of(sql), NO_PARAMETERS,
                row -> new Volume(row.getString(1), row.getLong(2)));
    }

    private List<Volume> fixedDrives() throws SqlServerFailure {
        try {
            return volumes(TargetQueries.FIXED_DRIVES);
        } catch (SqlServerFailure before2017) {
            if (before2017.cause().number() == INVALID_OBJECT_NAME) {
                return List.of();
            }
            throw before2017;
        }
    }

    private static BackupHeader header(ResultSet row) throws SQLException {
        return new BackupHeader(row.getInt("Position"), row.getInt("BackupType"), upper(row.getString("BackupSetGUID")),
                row.getString("DatabaseName"), row.getBigDecimal("FirstLSN"), row.getBigDecimal("LastLSN"),
                row.getBigDecimal("DatabaseBackupLSN"), upper(row.getString("DifferentialBaseGUID")),
                row.getBoolean("IsCopyOnly"), row.getBoolean("IsDamaged"), row.getBoolean("HasBackupChecksums"));
    }

    private static Optional<Instant> instantOf(ResultSet row) throws SQLException {
        if (row.getObject(1) == null) {
            return Optional.empty();
        }
        if ("datetimeoffset".equalsIgnoreCase(row.getMetaData().getColumnTypeName(1))) {
            return Optional.of(row.getObject(1, OffsetDateTime.class).toInstant());
        }
        return Optional.of(row.getObject(1, LocalDateTime.class).toInstant(ZoneOffset.UTC));
    }

    private static String upper(String guid) {
        return guid == null ? null : guid.toUpperCase(Locale.ROOT);
    }

    static int majorOf(String productVersion) {
        if (productVersion == null) {
            return 0;
        }
        int dot = productVersion.indexOf('.');
        return Integer.parseInt(dot < 0 ? productVersion : productVersion.substring(0, dot));
    }

    static String folderOf(String physicalName) {
        if (physicalName == null) {
            return null;
        }
        int last = Math.max(physicalName.lastIndexOf('\\'), physicalName.lastIndexOf('/'));
        return last < 0 ? null : physicalName.substring(0, last + 1);
    }

    static String withSeparator(String folder, String separator) {
        return folder == null || folder.endsWith(separator) ? folder : folder + separator;
    }

    private Connection connect() throws SQLException {
        Connection connection = dataSource().getConnection();
        connection.setAutoCommit(true);
        return connection;
    }

    SQLServerDataSource dataSource() {
        return target.masterDataSource(APPLICATION_NAME, login, password.get());
    }
}
