package io.wfdr.restore.sqlserver;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * The SQL Server a runbook restores on (the DR SQL Server), as the runbook's steps need it: what it is, what it
 * holds, what a backup file contains, and one statement run to its end. Every call opens its own connection to
 * {@code master} with autocommit on; never call it inside a transaction.
 */
public interface TargetSqlServer {

    /** How logs and messages name the server, e.g. {@code SQLDR01\WORKFLOW}. */
    String display();

    ServerFacts facts() throws SqlServerFailure;

    /** The database of that name ({@code sys.databases}, case-insensitive), if there is one. */
    Optional<DatabaseState> database(String name) throws SqlServerFailure;

    /** Those of the paths that a database on the server already uses ({@code sys.master_files}, case-insensitive). */
    List<String> pathsInUse(List<String> physicalPaths) throws SqlServerFailure;

    /** Free bytes on the volume that holds this folder. */
    long freeBytes(String folder) throws SqlServerFailure;

    /** Whether master holds the certificate or asymmetric key with this thumbprint (hex, no 0x). */
    boolean hasEncryptor(String thumbprint) throws SqlServerFailure;

    /** {@code RESTORE HEADERONLY} of the media set these files (one per stripe) form. */
    List<BackupHeader> headerOnly(List<String> files) throws SqlServerFailure;

    /** {@code RESTORE FILELISTONLY} of the backup set at this position. */
    List<BackupFile> fileListOnly(List<String> files, int position) throws SqlServerFailure;

    /** {@code RESTORE VERIFYONLY … WITH FILE = position[, CHECKSUM]}; a failure says why. */
    void verifyOnly(List<String> files, int position, boolean withChecksum) throws SqlServerFailure;

    /**
     * The backup sets (BackupSetGUID, upper case) restored into this database at or after {@code since}, from
     * {@code msdb.dbo.restorehistory} joined with {@code msdb.dbo.backupset}.
     */
    Set<String> restoredSince(String database, Instant since) throws SqlServerFailure;

    /** The SID of the SQL login of that name ({@code sys.server_principals}, type S), if it exists. */
    Optional<byte[]> sqlLoginSid(String login) throws SqlServerFailure;

    /** The database's users ({@code sys.database_principals}, types S, U, G, without dbo/guest/sys/INFORMATION_SCHEMA). */
    List<DatabaseUser> users(String database) throws SqlServerFailure;

    /** Runs a query in the database that returns one datetime (the newest Workflow activity), read as UTC. */
    Optional<Instant> newestActivity(String database, String query) throws SqlServerFailure;

    /**
     * Runs one statement to its end in master, outside any transaction, reading every result and message; STATS
     * messages become {@code progress} (percent). Failures and logs name it by {@link TSqlStatement#shown()}.
     */
    void execute(TSqlStatement statement, IntConsumer progress) throws SqlServerFailure;
}
