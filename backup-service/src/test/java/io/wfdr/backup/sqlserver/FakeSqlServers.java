package io.wfdr.backup.sqlserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;

import io.wfdr.backup.config.SecretResolver;
import io.wfdr.backup.domain.BackupType;
import io.wfdr.backup.domain.CatalogEntry;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.SqlServerConnection;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;

/**
 * A test double at the adapter boundary, for the orchestration only: it answers BACKUP statements with STATS
 * progress and records them in its own msdb, or fails with a SQL Server error when told to. Real SQL Server
 * behaviour is tested in {@link BackupOnSqlServerTest}.
 */
@Alternative
@Priority(1)
@jakarta.inject.Singleton
public class FakeSqlServers extends SqlServerGateways {

    private static final String FORK = "6E0F0A3C-0000-4000-8000-00000000F0C0";

    public final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    private final List<CatalogEntry> msdb = Collections.synchronizedList(new ArrayList<>());
    private final AtomicLong lsn = new AtomicLong(1_000_000);
    private volatile SqlServerFailure nextFailure;

    FakeSqlServers(SecretResolver secrets) {
        super(secrets);
    }

    /** A backup another tool (a maintenance plan, SQL Agent) took: only msdb knows of it. */
    public CatalogEntry backupByAnotherTool(String database, BackupType type) {
        long first = lsn.get();
        long last = lsn.addAndGet(100);
        CatalogEntry entry = new CatalogEntry(UUID.randomUUID().toString(), database, type, false,
                BigDecimal.valueOf(first), BigDecimal.valueOf(last), null, null, FORK, FORK, Instant.now(), false);
        msdb.add(entry);
        return entry;
    }

    public void failNextWith(int number, String message) {
        nextFailure = new SqlServerFailure("BACKUP", List.of(new SqlServerError(number, 16, message),
                new SqlServerError(SqlServerError.TERMINATING_ABNORMALLY, 16, "BACKUP DATABASE is terminating abnormally.")),
                null);
    }

    @Override
    public SqlServerGateway open(KnownServer server, SqlServerConnection connection, KnownLogin login) {
        return new SqlServerGateway() {
            @Override
            public void execute(String sql, IntConsumer progress) throws SqlServerFailure {
                executed.add(sql);
                SqlServerFailure failure = nextFailure;
                if (failure != null) {
                    nextFailure = null;
                    throw failure;
                }
                for (int p = 10; p <= 100; p += 10) {
                    progress.accept(p);
                }
                if (sql.startsWith("BACKUP")) {
                    record(sql);
                    writeBackupFile(sql);
                }
            }

            @Override
            public List<CatalogEntry> history(String database, java.time.Duration lookBack) {
                return msdb.stream().filter(e -> e.database().equals(database)).toList();
            }
        };
    }

    /** Writes the backup file where the statement says, when that folder exists here (a test's temp folder). */
    private static void writeBackupFile(String sql) {
        int start = sql.indexOf("TO DISK = N'") + "TO DISK = N'".length();
        java.nio.file.Path file = java.nio.file.Path.of(sql.substring(start, sql.indexOf('\'', start)));
        if (file.getParent() != null && java.nio.file.Files.isDirectory(file.getParent())) {
            byte[] bytes = new byte[256 * 1024];
            new java.util.Random(file.hashCode()).nextBytes(bytes);
            try {
                java.nio.file.Files.write(file, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    private void record(String sql) {
        String database = sql.substring(sql.indexOf('[') + 1, sql.indexOf(']'));
        BackupType type = sql.startsWith("BACKUP LOG") ? BackupType.LOG
                : sql.contains("DIFFERENTIAL") ? BackupType.DIFFERENTIAL : BackupType.FULL;
        String base = type == BackupType.DIFFERENTIAL ? msdb.stream()
                .filter(e -> e.database().equals(database) && e.type() == BackupType.FULL && !e.copyOnly())
                .reduce((a, b) -> b).map(CatalogEntry::backupSetId).orElse(null) : null;
        long first = lsn.get();
        long last = lsn.addAndGet(100);
        int start = sql.indexOf("TO DISK = N'") + "TO DISK = N'".length();
        String file = sql.substring(start, sql.indexOf('\'', start));
        msdb.add(new CatalogEntry(UUID.randomUUID().toString(), database, type, sql.contains("COPY_ONLY"),
                BigDecimal.valueOf(first), BigDecimal.valueOf(last), null, base, FORK, FORK, Instant.now(), false,
                BigDecimal.valueOf(first + 1), null, sql.contains(" CHECKSUM"), 256 * 1024, 128 * 1024, List.of(file)));
    }
}
