package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import io.wfdr.spine.sqlserver.SqlServerError;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.secrets.SecretResolver;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;

/**
 * A test double at the adapter boundary, for the orchestration only (real SQL Server behaviour is tested in
 * {@link BackupOnSqlServerTest}). It models what the orchestration relies on: per database, its own LSNs and
 * recovery fork; BACKUP LOG refused under SIMPLE (4208) and without a full (4214); a differential without a full
 * (3035); a file that already holds another media set refused (4037, NOINIT/NOSKIP with a media name); msdb
 * history by look-back and by file; damaged sets; and the host each statement was sent to.
 */
@Alternative
@Priority(1)
@jakarta.inject.Singleton
public class FakeSqlServers extends SqlServerGateways {

    private static final Pattern DISK = Pattern.compile("TO DISK = N'((?:[^']|'')*)'");
    private static final Pattern DATABASE = Pattern.compile("^BACKUP (?:DATABASE|LOG) \\[((?:[^\\]]|]])*)]");

    public final List<String> executed = Collections.synchronizedList(new ArrayList<>());
    public final List<String> hosts = Collections.synchronizedList(new ArrayList<>());
    private final List<BackupSet> msdb = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Long> lsns = new ConcurrentHashMap<>();
    private final Map<String, String> forks = new ConcurrentHashMap<>();
    private final Map<String, String> recoveryModels = new ConcurrentHashMap<>();
    private final Map<String, SqlServerFailure> failures = new ConcurrentHashMap<>();

    FakeSqlServers(SecretResolver secrets) {
        super(secrets);
    }

    public void recoveryModel(String database, String model) {
        recoveryModels.put(database, model);
    }

    /** The database was restored to a point in time: its log continues on a new recovery fork. */
    public void newFork(String database) {
        forks.put(database, UUID.randomUUID().toString().toUpperCase());
    }

    /** A backup another tool (a maintenance plan, SQL Agent) took: only msdb knows of it. */
    public BackupSet backupByAnotherTool(String database, BackupType type) {
        return record(database, type, false, "D:\\Backup\\other-tool-" + UUID.randomUUID() + ".bak", Instant.now(), false);
    }

    /** A backup SQL Server finished into this file while nobody was watching (the service had stopped). */
    public BackupSet backupWrittenTo(String database, BackupType type, String file) {
        return record(database, type, false, file, Instant.now(), true);
    }

    /** A backup another tool took {@code age} ago. */
    public BackupSet backupByAnotherTool(String database, BackupType type, Duration age) {
        return record(database, type, false, "D:\\Backup\\other-tool-" + UUID.randomUUID() + ".bak",
                Instant.now().minus(age), false);
    }

    /** The next statement that starts with {@code prefix} fails with this SQL Server error and its 3013 trailer. */
    public void failNext(String prefix, int number, String message) {
        failures.put(prefix, failure(prefix, number, message));
    }

    public void failNextWith(int number, String message) {
        failNext("BACKUP", number, message);
    }

    public List<BackupSet> msdb(String database) {
        return msdb.stream().filter(e -> e.databaseName().equals(database)).toList();
    }

    @Override
    protected SqlServerGateway open(SqlServerTarget target, KnownLogin login) {
        return new SqlServerGateway() {
            @Override
            public SqlServerTarget target() {
                return target;
            }

            @Override
            public void execute(String sql, IntConsumer progress) throws SqlServerFailure {
                executed.add(sql);
                hosts.add(target.host());
                for (String prefix : List.copyOf(failures.keySet())) {
                    if (sql.startsWith(prefix)) {
                        throw failures.remove(prefix);
                    }
                }
                if (sql.startsWith("BACKUP")) {
                    backup(sql);
                }
                for (int p = 10; p <= 100; p += 10) {
                    progress.accept(p);
                }
            }

            @Override
            public List<BackupSet> history(String database, Duration lookBack) {
                Instant since = Instant.now().minus(lookBack);
                return msdb(database).stream().filter(e -> !e.finishedAt().isBefore(since)).toList();
            }

            @Override
            public List<BackupSet> backupSetsIn(String physicalDeviceName) {
                return msdb.stream().filter(e -> e.media().files().stream()
                        .anyMatch(f -> f.physicalDeviceName().equalsIgnoreCase(physicalDeviceName))).toList();
            }
        };
    }

    private void backup(String sql) throws SqlServerFailure {
        Matcher name = DATABASE.matcher(sql);
        Matcher disk = DISK.matcher(sql);
        if (!name.find() || !disk.find()) {
            throw failure(sql, 102, "Incorrect syntax near 'BACKUP'.");
        }
        String database = name.group(1).replace("]]", "]");
        String file = disk.group(1).replace("''", "'");
        BackupType type = sql.startsWith("BACKUP LOG") ? BackupType.LOG
                : sql.contains("DIFFERENTIAL") ? BackupType.DIFFERENTIAL : BackupType.FULL;
        boolean hasFull = msdb(database).stream().anyMatch(e -> e.type() == BackupType.FULL && !e.copyOnly());
        if (type == BackupType.LOG && "SIMPLE".equals(recoveryModels.get(database))) {
            throw failure(sql, 4208, "The statement BACKUP LOG is not allowed while the recovery model is SIMPLE.");
        }
        if (type == BackupType.LOG && !hasFull) {
            throw failure(sql, 4214, "BACKUP LOG cannot be performed because there is no current database backup.");
        }
        if (type == BackupType.DIFFERENTIAL && !hasFull) {
            throw failure(sql, 3035, "Cannot perform a differential backup for database \"" + database
                    + "\", because a current database backup does not exist.");
        }
        if (msdb.stream().anyMatch(e -> e.media().mirror(0).contains(file))) {
            throw failure(sql, 4037, "The user-specified MEDIANAME does not match the MEDIANAME of the device \""
                    + file + "\".");
        }
        record(database, type, sql.contains("COPY_ONLY"), file, Instant.now(), sql.contains(" CHECKSUM"));
        writeBackupFile(file);
    }

    private synchronized BackupSet record(String database, BackupType type, boolean copyOnly, String file,
            Instant at, boolean checksums) {
        String fork = forks.computeIfAbsent(database, d -> UUID.randomUUID().toString().toUpperCase());
        long first = lsns.getOrDefault(database, 1_000_000L);
        long last = first + 100;
        lsns.put(database, last);
        BackupSet base = type == BackupType.DIFFERENTIAL ? msdb(database).stream()
                .filter(e -> e.type() == BackupType.FULL && !e.copyOnly()).reduce((a, b) -> b).orElse(null) : null;
        BackupSet entry = new BackupSet(UUID.randomUUID().toString(), database, type, copyOnly, 1,
                BigDecimal.valueOf(type == BackupType.LOG ? first : first + 10), BigDecimal.valueOf(last),
                BigDecimal.valueOf(first + 50), null, base == null ? null : base.checkpointLsn(),
                base == null ? null : base.backupSetUuid(), fork, fork, null, false, false, false, false, false,
                checksums, at.minusSeconds(1), at, -300, 256 * 1024, 128 * 1024, BackupSet.Media.disk(List.of(file)),
                List.of(new BackupSet.LogicalFile(1, database, "D", "PRIMARY", 8 << 20, "D:\\Data\\" + database + ".mdf"),
                        new BackupSet.LogicalFile(2, database + "_log", "L", null, 4 << 20,
                                "L:\\Log\\" + database + "_log.ldf")),
                null, new BackupSet.SourceDatabase(null, null, null, "DB-" + database.hashCode(), "FAMILY-"
                        + database.hashCode(), "SQLPROD01", "SQLPROD01", "FULL", 150, "15.0.4261",
                        "SQL_Latin1_General_CP1_CI_AS"));
        msdb.add(entry);
        return entry;
    }

    /** The server no longer has this full as the database's base (the database was recreated since it was taken). */
    public void forget(String backupSetUuid) {
        msdb.removeIf(e -> e.sameBackupSet(backupSetUuid));
    }

    /** Marks a set damaged, as msdb does after a restore found it so. */
    public void damage(String backupSetUuid) {
        synchronized (msdb) {
            for (int i = 0; i < msdb.size(); i++) {
                BackupSet e = msdb.get(i);
                if (e.sameBackupSet(backupSetUuid)) {
                    msdb.set(i, new BackupSet(e.backupSetUuid(), e.databaseName(), e.type(), e.copyOnly(),
                            e.position(), e.firstLsn(), e.lastLsn(), e.checkpointLsn(), e.databaseBackupLsn(),
                            e.differentialBaseLsn(), e.differentialBaseGuid(), e.firstRecoveryForkGuid(),
                            e.lastRecoveryForkGuid(), e.forkPointLsn(), e.beginsLogChain(), e.hasBulkLoggedData(),
                            e.snapshot(), true, e.passwordProtected(), e.hasBackupChecksums(), e.startedAt(),
                            e.finishedAt(), e.utcOffsetMinutes(), e.backupSize(), e.compressedBackupSize(), e.media(),
                            e.logicalFiles(), e.encryption(), e.source()));
                }
            }
        }
    }

    private static SqlServerFailure failure(String sql, int number, String message) {
        return new SqlServerFailure(sql, List.of(new SqlServerError(number, 16, message),
                new SqlServerError(SqlServerError.TERMINATING_ABNORMALLY, 16, "BACKUP DATABASE is terminating "
                        + "abnormally.")), null);
    }

    /** Writes the backup file where the statement says, when that folder exists here (a test's temp folder). */
    private static void writeBackupFile(String file) {
        Path path = Path.of(file);
        if (path.getParent() != null && Files.isDirectory(path.getParent())) {
            byte[] bytes = new byte[256 * 1024];
            new Random(file.hashCode()).nextBytes(bytes);
            try {
                Files.write(path, bytes);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
