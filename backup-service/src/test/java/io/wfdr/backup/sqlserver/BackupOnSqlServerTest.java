package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.backup.domain.BackupChain;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * Full, differential and log backups of a real SQL Server 2019, the msdb read, and an unwritable path.
 * Skipped, and reported as skipped, where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class BackupOnSqlServerTest {

    @Container
    static final MSSQLServerContainer SQL_SERVER = new MSSQLServerContainer(
            "mcr.microsoft.com/mssql/server:2019-latest").acceptLicense();

    @Test
    void fullDifferentialAndLogBackupsFormOneChainInMsdb() throws Exception {
        JdbcSqlServer server = new JdbcSqlServer(new SqlServerTarget(SQL_SERVER.getHost(),
                SQL_SERVER.getMappedPort(1433), null, false, true), SQL_SERVER.getUsername(), SQL_SERVER::getPassword);
        server.execute("CREATE DATABASE [TFLOWF]", p -> { });
        server.execute("ALTER DATABASE [TFLOWF] SET RECOVERY FULL", p -> { });
        List<Integer> progress = new ArrayList<>();
        for (BackupType type : BackupType.values()) {
            BackupRequest request = BackupRequest.of("SQLTEST", "TFLOWF", type, false, "/var/opt/mssql/data",
                    Instant.now(), java.util.UUID.randomUUID().toString());
            for (String statement : BackupScript.statements(request, true)) {
                server.execute(statement, progress::add);
            }
        }
        List<BackupSet> history = server.history("TFLOWF", java.time.Duration.ofHours(1));
        BackupSet full = history.get(0);
        assertEquals(1, server.backupSetsIn(full.media().mirror(0).get(0)).size(), "found by the file it wrote");
        assertEquals(1, full.position());
        assertTrue(!full.logicalFiles().isEmpty(), "backupfile rows: what a MOVE needs");
        assertTrue(full.source().databaseGuid() != null && full.source().softwareVersion().startsWith("15."));

        assertEquals(List.of(BackupType.FULL, BackupType.DIFFERENTIAL, BackupType.LOG),
                history.stream().map(BackupSet::type).toList());
        assertTrue(progress.contains(100), "STATS progress reached 100 percent: " + progress);
        BackupChain chain = BackupChains.of(history).chains().get(0);
        assertEquals(1, chain.differentials().size());
        assertEquals(1, chain.logs().size());
        assertTrue(chain.breaks().isEmpty(), chain.breaks().toString());
    }

    @Test
    void anUnwritablePathFailsWith3201AndThe3013Trailer() {
        JdbcSqlServer server = new JdbcSqlServer(new SqlServerTarget(SQL_SERVER.getHost(),
                SQL_SERVER.getMappedPort(1433), null, false, true), SQL_SERVER.getUsername(), SQL_SERVER::getPassword);
        BackupRequest request = BackupRequest.of("SQLTEST", "master", BackupType.FULL, true, "/no/such/folder",
                Instant.now(), java.util.UUID.randomUUID().toString());
        SqlServerFailure failure = assertThrows(SqlServerFailure.class,
                () -> server.execute(BackupScript.statements(request, false).get(0), p -> { }));
        assertEquals(3201, failure.cause().number());
    }
}
