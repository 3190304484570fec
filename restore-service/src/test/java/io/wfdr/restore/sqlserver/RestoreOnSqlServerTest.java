package io.wfdr.restore.sqlserver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.tsql.TSql;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The adapter on a real SQL Server 2019: a small production database backed up (full, differential, two logs),
 * then read and restored under a new name through the adapter, its orphaned users repaired. Skipped, and reported
 * as skipped, where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class RestoreOnSqlServerTest {

    @Container
    static final MSSQLServerContainer SQL_SERVER = new MSSQLServerContainer(
            "mcr.microsoft.com/mssql/server:2019-latest").acceptLicense();

    private static final String FOLDER = "/var/opt/mssql/data/";
    private static final String FULL = FOLDER + "wfprod_full.bak";
    private static final String DIFF = FOLDER + "wfprod_diff.bak";
    private static final String LOG1 = FOLDER + "wfprod_log1.trn";
    private static final String LOG2 = FOLDER + "wfprod_log2.trn";
    private static final String PASSWORD = "Wfdr-Test-0rphan!";

    private static JdbcTargetSqlServer server;

    @BeforeAll
    static void productionIsBackedUpAndItsLoginsAreGone() throws SqlServerFailure {
        server = new JdbcTargetSqlServer(new SqlServerTarget(SQL_SERVER.getHost(), SQL_SERVER.getMappedPort(1433),
                null, false, true), SQL_SERVER.getUsername(), SQL_SERVER::getPassword);
        run("CREATE DATABASE [WFPROD]");
        run("ALTER DATABASE [WFPROD] SET RECOVERY FULL");
        run("CREATE LOGIN [wf_user] WITH PASSWORD = N'" + PASSWORD + "', CHECK_POLICY = OFF");
        run("CREATE LOGIN [wf_reader] WITH PASSWORD = N'" + PASSWORD + "', CHECK_POLICY = OFF");
        run("USE [WFPROD]; CREATE USER [wf_user] FOR LOGIN [wf_user]; CREATE USER [wf_reader] FOR LOGIN [wf_reader];"
                + " CREATE TABLE dbo.activity (at datetime2 NOT NULL); INSERT dbo.activity VALUES (SYSUTCDATETIME());");
        run("BACKUP DATABASE [WFPROD] TO DISK = N'" + FULL + "' WITH FORMAT, INIT, CHECKSUM");
        run("USE [WFPROD]; INSERT dbo.activity VALUES (SYSUTCDATETIME());");
        run("BACKUP LOG [WFPROD] TO DISK = N'" + LOG1 + "' WITH FORMAT, INIT, CHECKSUM");
        run("BACKUP DATABASE [WFPROD] TO DISK = N'" + DIFF + "' WITH DIFFERENTIAL, FORMAT, INIT, CHECKSUM");
        run("USE [WFPROD]; INSERT dbo.activity VALUES ('2099-01-01T00:00:00');");
        run("BACKUP LOG [WFPROD] TO DISK = N'" + LOG2 + "' WITH FORMAT, INIT, CHECKSUM");
        run("DROP LOGIN [wf_user]");
        run("DROP LOGIN [wf_reader]");
    }

    @Test
    void headersFileListsAndVerifyReadTheBackupsByColumnName() throws Exception {
        BackupHeader full = server.headerOnly(List.of(FULL)).get(0);
        BackupHeader diff = server.headerOnly(List.of(DIFF)).get(0);

        assertEquals(BackupHeader.DATABASE, full.backupType());
        assertEquals(BackupHeader.DIFFERENTIAL, diff.backupType());
        assertEquals(1, full.position());
        assertEquals("WFPROD", full.databaseName());
        assertEquals(full.backupSetGuid().toUpperCase(), full.backupSetGuid());
        assertEquals(full.backupSetGuid(), diff.differentialBaseGuid());
        assertTrue(full.hasChecksums() && !full.copyOnly() && !full.damaged());
        assertTrue(full.firstLsn().compareTo(full.lastLsn()) <= 0);

        List<BackupFile> files = server.fileListOnly(List.of(FULL), 1);
        assertEquals(List.of("D", "L"), files.stream().map(BackupFile::type).toList());
        assertTrue(files.get(0).sizeBytes() > 0);
        server.verifyOnly(List.of(FULL), 1, true);
        assertEquals(3201, assertThrows(SqlServerFailure.class,
                () -> server.verifyOnly(List.of(FOLDER + "nope.bak"), 1, false)).cause().number());
    }

    @Test
    void factsVolumesAndCatalogAnswer() throws Exception {
        ServerFacts facts = server.facts();
        assertEquals(15, facts.majorVersion());
        assertEquals("/", facts.pathSeparator());
        assertTrue(facts.defaultDataPath().endsWith("/"), facts.toString());
        assertTrue(server.freeBytes(facts.defaultDataPath()) > 0);
        assertTrue(server.database("wfprod").orElseThrow().online(), "names compare case-insensitively");
        String mdf = server.fileListOnly(List.of(FULL), 1).get(0).physicalName();
        assertEquals(List.of(mdf.toUpperCase()), server.pathsInUse(List.of(mdf.toUpperCase(), FOLDER + "free.mdf")));
        assertFalse(server.hasEncryptor("00112233445566778899AABBCCDDEEFF00112233"));
    }

    @Test
    void theChainRestoresUnderANewNameWithProgressAndTheOrphansAreRepaired() throws Exception {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        List<Integer> progress = new ArrayList<>();
        server.execute(TSqlStatement.of(restoreFull("WFPROD_DR")), progress::add);
        assertEquals("RESTORING", server.database("WFPROD_DR").orElseThrow().state());
        server.execute(TSqlStatement.of(restore("DATABASE", "WFPROD_DR", DIFF)), progress::add);
        server.execute(TSqlStatement.of(restore("LOG", "WFPROD_DR", LOG2)), progress::add);
        server.execute(TSqlStatement.of("RESTORE DATABASE [WFPROD_DR] WITH RECOVERY"), p -> { });

        assertTrue(server.database("WFPROD_DR").orElseThrow().online());
        assertTrue(progress.contains(100), "STATS progress arrived: " + progress);
        Set<String> guids = Set.of(guidOf(FULL), guidOf(DIFF), guidOf(LOG2));
        assertEquals(guids, server.restoredSince("WFPROD_DR", started));
        assertEquals(Instant.parse("2099-01-01T00:00:00Z"),
                server.newestActivity("WFPROD_DR", "SELECT MAX(at) FROM dbo.activity").orElseThrow());

        List<DatabaseUser> users = server.users("WFPROD_DR");
        assertEquals(List.of("wf_reader", "wf_user"), users.stream().map(DatabaseUser::name).toList());
        assertTrue(users.stream().allMatch(DatabaseUser::orphaned), users.toString());

        byte[] productionSid = users.get(1).sid();
        server.execute(new TSqlStatement("CREATE LOGIN [wf_user] WITH PASSWORD = N'" + PASSWORD + "', SID = 0x"
                + HexFormat.of().formatHex(productionSid) + ", CHECK_POLICY = OFF",
                "CREATE LOGIN [wf_user] WITH PASSWORD = N'<secret>', SID = 0x..."), p -> { });
        assertArrayEquals(productionSid, server.sqlLoginSid("wf_user").orElseThrow());

        server.execute(TSqlStatement.of("CREATE LOGIN [wf_reader_dr] WITH PASSWORD = N'" + PASSWORD
                + "', CHECK_POLICY = OFF"), p -> { });
        server.execute(TSqlStatement.of("USE [WFPROD_DR]; ALTER USER [wf_reader] WITH LOGIN = [wf_reader_dr];"),
                p -> { });
        List<DatabaseUser> repaired = server.users("WFPROD_DR");
        assertEquals(List.of("wf_reader_dr", "wf_user"), repaired.stream().map(DatabaseUser::loginName).toList());
        server.execute(TSqlStatement.of("DBCC CHECKDB ([WFPROD_DR]) WITH PHYSICAL_ONLY, NO_INFOMSGS"), p -> { });
    }

    @Test
    void aLogThatLeavesAGapFailsWith4305AndAnExistingLoginWith15025WithoutItsPassword() throws Exception {
        server.execute(TSqlStatement.of(restoreFull("WFPROD_GAP")), p -> { });
        SqlServerFailure gap = assertThrows(SqlServerFailure.class,
                () -> server.execute(TSqlStatement.of(restore("LOG", "WFPROD_GAP", LOG2)), p -> { }));
        assertEquals(4305, gap.cause().number());
        assertEquals(3013, gap.errors().get(gap.errors().size() - 1).number());

        server.execute(TSqlStatement.of("CREATE LOGIN [wf_twice] WITH PASSWORD = N'" + PASSWORD
                + "', CHECK_POLICY = OFF"), p -> { });
        SqlServerFailure twice = assertThrows(SqlServerFailure.class, () -> server.execute(new TSqlStatement(
                "CREATE LOGIN [wf_twice] WITH PASSWORD = N'" + PASSWORD + "', CHECK_POLICY = OFF",
                "CREATE LOGIN [wf_twice] WITH PASSWORD = N'<secret>', CHECK_POLICY = OFF"), p -> { }));
        assertEquals(15025, twice.cause().number());
        assertFalse((twice.getMessage() + twice.errors()).contains(PASSWORD));
    }

    private static String restoreFull(String database) throws SqlServerFailure {
        List<BackupFile> files = server.fileListOnly(List.of(FULL), 1);
        StringBuilder moves = new StringBuilder();
        for (BackupFile file : files) {
            String target = FOLDER + database + ("L".equals(file.type()) ? "_log.ldf" : ".mdf");
            moves.append(", MOVE ").append(TSql.literal(file.logicalName())).append(" TO ").append(TSql.literal(target));
        }
        return "RESTORE DATABASE " + TSql.identifier(database) + " FROM DISK = " + TSql.literal(FULL)
                + " WITH FILE = 1" + moves + ", CHECKSUM, NORECOVERY, STATS = 10";
    }

    private static String restore(String what, String database, String file) {
        return "RESTORE " + what + " " + TSql.identifier(database) + " FROM DISK = " + TSql.literal(file)
                + " WITH FILE = 1, CHECKSUM, NORECOVERY, STATS = 10";
    }

    private static String guidOf(String file) throws SqlServerFailure {
        return server.headerOnly(List.of(file)).get(0).backupSetGuid();
    }

    private static void run(String sql) throws SqlServerFailure {
        server.execute(TSqlStatement.of(sql), p -> { });
    }
}
