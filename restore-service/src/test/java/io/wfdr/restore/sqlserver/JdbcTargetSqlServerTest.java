package io.wfdr.restore.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import org.junit.jupiter.api.Test;

/** What the adapter decides without a server: how it quotes, connects, picks a volume and keeps secrets out. */
class JdbcTargetSqlServerTest {

    private static final SqlServerTarget TARGET = new SqlServerTarget("sqldr01", 1433, "WORKFLOW", true, false);

    @Test
    void backupFilesAreOneQuotedLiteralEachAndThePositionANumber() {
        assertEquals("RESTORE HEADERONLY FROM DISK = N'\\\\nas\\O''Brien\\F1.bak', DISK = N'\\\\nas\\F1_2.bak'",
                TargetQueries.headerOnly(List.of("\\\\nas\\O'Brien\\F1.bak", "\\\\nas\\F1_2.bak")));
        assertEquals("RESTORE FILELISTONLY FROM DISK = N'x.bak' WITH FILE = 3",
                TargetQueries.fileListOnly(List.of("x.bak"), 3));
        assertEquals("RESTORE VERIFYONLY FROM DISK = N'x.bak' WITH FILE = 2, CHECKSUM",
                TargetQueries.verifyOnly(List.of("x.bak"), 2, true));
        assertEquals("RESTORE VERIFYONLY FROM DISK = N'x.bak' WITH FILE = 2",
                TargetQueries.verifyOnly(List.of("x.bak"), 2, false));
        assertThrows(IllegalArgumentException.class, () -> TargetQueries.headerOnly(List.of()));
    }

    @Test
    void aDatabaseNameInAThreePartNameIsOneQuotedIdentifierAndTheQueryAParameter() {
        assertTrue(TargetQueries.users("TF]; DROP DATABASE [master]; --")
                .contains("FROM [TF]]; DROP DATABASE [master]]; --].sys.database_principals AS dp"));
        assertEquals("EXEC [TFLOWF_DR].sys.sp_executesql ?", TargetQueries.inDatabase("TFLOWF_DR"));
    }

    @Test
    void theConnectionIsToMasterAsWfdrRestoreWithoutATimeoutAndThePasswordIsReadOnlyWhenConnecting() {
        AtomicInteger reads = new AtomicInteger();
        JdbcTargetSqlServer server = new JdbcTargetSqlServer(TARGET, "wfdr_restore", () -> {
            reads.incrementAndGet();
            return "pw";
        });
        assertEquals("sqldr01\\WORKFLOW", server.display());
        assertEquals(0, reads.get());

        var source = server.dataSource();
        assertEquals(1, reads.get());
        assertEquals("master", source.getDatabaseName());
        assertEquals("wfdr-restore", source.getApplicationName());
        assertEquals("WORKFLOW", source.getInstanceName());
        assertEquals("wfdr_restore", source.getUser());
        assertTrue(source.getQueryTimeout() <= 0, "no query timeout");
    }

    @Test
    void aSecretReferenceIsCheckedWhenOpenedButResolvedOnlyWhenConnecting() {
        SecretResolver secrets = SecretResolver.of(List.of("WFDR_"), List.of(), Path.of("/nonexistent"), Map.of());
        JdbcTargetSqlServers servers = new JdbcTargetSqlServers(secrets);

        assertThrows(IllegalArgumentException.class, () -> servers.open(TARGET, "sa", "plain-password"));
        JdbcTargetSqlServer server = (JdbcTargetSqlServer) servers.open(TARGET, "sa", "env:WFDR_SQLDR_PASSWORD");
        assertThrows(IllegalStateException.class, server::dataSource, "the variable is unset: read at connect time");
    }

    @Test
    void theVolumeOfAFolderIsTheLongestMountPointItStartsWith() {
        List<Volume> volumes = List.of(new Volume("D:\\", 1), new Volume("D:\\Mounts\\Data\\", 2), new Volume("/", 3),
                new Volume("/var/opt/mssql/", 4));
        assertEquals(2, Volume.holding("d:\\mounts\\data\\TFLOWF", volumes).orElseThrow().freeBytes());
        assertEquals(1, Volume.holding("D:\\Mounts\\Other", volumes).orElseThrow().freeBytes());
        assertEquals(4, Volume.holding("/var/opt/mssql/data/", volumes).orElseThrow().freeBytes());
        assertEquals(3, Volume.holding("/VAR/opt/mssql/data/", volumes).orElseThrow().freeBytes(), "Linux is exact");
        assertTrue(Volume.holding("E:\\Data", volumes).isEmpty());
        assertTrue(Volume.holding("D:\\Mounts\\DataX", List.of(new Volume("D:\\Mounts\\Data", 9))).isEmpty());
    }

    @Test
    void defaultFoldersFallBackToMastersFoldersAndEndInTheSeparator() {
        assertEquals("D:\\MSSQL\\DATA\\", JdbcTargetSqlServer.folderOf("D:\\MSSQL\\DATA\\master.mdf"));
        assertEquals("/var/opt/mssql/data/", JdbcTargetSqlServer.folderOf("/var/opt/mssql/data/master.mdf"));
        assertEquals("D:\\Data\\", JdbcTargetSqlServer.withSeparator("D:\\Data", "\\"));
        assertNull(JdbcTargetSqlServer.folderOf(null));
        assertEquals(15, JdbcTargetSqlServer.majorOf("15.0.4261.1"));
        assertEquals(13, JdbcTargetSqlServer.majorOf("13.0.5026.0"));
    }

    @Test
    void aPasswordTheServerQuotesBackNeverReachesTheFailureText() {
        String sql = "CREATE LOGIN [tfwfowner] WITH PASSWORD = N'S3cr''et!', SID = 0x0A1B2C3D4E5F60718293A4B5C6D7E8F9";
        TSqlStatement statement = new TSqlStatement(sql,
                "CREATE LOGIN [tfwfowner] WITH PASSWORD = N'<secret env:WFDR_TFWFOWNER>', SID = 0x0A1B2C3D4E5F60718293A4B5C6D7E8F9");
        SQLException thrown = new SQLException("Incorrect syntax near 'S3cr'et!'.", "S0001", 102);
        thrown.setNextException(new SQLException("Password validation failed: S3cr'et! is too short", "S0001", 15116));

        SqlServerFailure failure = SecretRedaction.failure(statement, thrown);
        String text = failure.getMessage() + failure.errors();
        assertFalse(text.contains("S3cr"), text);
        assertTrue(failure.getMessage().contains("(while running: CREATE LOGIN [tfwfowner] WITH PASSWORD"), text);
        assertEquals(List.of(102, 15116), failure.errors().stream().map(SqlServerError::number).toList());
        assertNull(failure.getCause(), "the driver's exception holds the raw message");
    }

    @Test
    void aHashedPasswordIsASecretToo() {
        String sql = "CREATE LOGIN [x] WITH PASSWORD = 0x0200ABCDEF HASHED, SID = 0x01";
        List<String> secrets = SecretRedaction.secretsOf(new TSqlStatement(sql,
                "CREATE LOGIN [x] WITH PASSWORD = <secret> HASHED, SID = 0x01"));
        assertEquals("Near '<secret>'", SecretRedaction.redact("Near '0x0200ABCDEF'", secrets));
        assertEquals("Near <secret>", SecretRedaction.redact("Near 0200ABCDEF", secrets));
    }

    @Test
    void aStatementWithoutSecretsKeepsItsCause() {
        SQLException thrown = new SQLException("Cannot open backup device 'x'.", "S0001", 3201);
        SqlServerFailure failure = SecretRedaction.failure(TSqlStatement.of("RESTORE HEADERONLY FROM DISK = N'x'"),
                thrown);
        assertEquals(thrown, failure.getCause());
        assertEquals(3201, failure.cause().number());
    }
}
