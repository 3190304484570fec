package io.wfdr.backup.sqlserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wfdr.backup.domain.BackupChain;
import io.wfdr.backup.domain.BackupChains;
import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.CatalogEntry;
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
        JdbcSqlServer server = new JdbcSqlServer(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(),
                SQL_SERVER::getPassword);
        server.execute("CREATE DATABASE [TFLOWF]", p -> { });
        server.execute("ALTER DATABASE [TFLOWF] SET RECOVERY FULL", p -> { });
        List<Integer> progress = new ArrayList<>();
        for (BackupType type : BackupType.values()) {
            BackupRequest request = new BackupRequest("TFLOWF", type, false, "/var/opt/mssql/data",
                    Instant.now(), true, true, Optional.empty());
            for (String statement : BackupScript.statements(request, true)) {
                server.execute(statement, progress::add);
            }
            Thread.sleep(1100);
        }
        List<CatalogEntry> history = server.history("TFLOWF", java.time.Duration.ofHours(1));

        assertEquals(List.of(BackupType.FULL, BackupType.DIFFERENTIAL, BackupType.LOG),
                history.stream().map(CatalogEntry::type).toList());
        assertTrue(progress.contains(100), "STATS progress reached 100 percent: " + progress);
        BackupChain chain = BackupChains.of(history).chains().get(0);
        assertEquals(1, chain.differentials().size());
        assertEquals(1, chain.logs().size());
        assertTrue(chain.breaks().isEmpty(), chain.breaks().toString());
    }

    @Test
    void anUnwritablePathFailsWith3201AndThe3013Trailer() {
        JdbcSqlServer server = new JdbcSqlServer(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(),
                SQL_SERVER::getPassword);
        BackupRequest request = new BackupRequest("master", BackupType.FULL, true, "/no/such/folder",
                Instant.now(), false, false, Optional.empty());
        SqlServerFailure failure = assertThrows(SqlServerFailure.class,
                () -> server.execute(BackupScript.statements(request, false).get(0), p -> { }));
        assertEquals(3201, failure.cause().number());
    }
}
