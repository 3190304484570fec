package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.spine.sqlserver.SqlServerFailure;
import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

import io.wfdr.spine.contract.BackupSet;

/** The one boundary to SQL Server: run a statement to its end, read backup history from msdb. */
public interface SqlServerGateway {

    /** The server this gateway talks to. */
    SqlServerTarget target();

    void execute(String sql, IntConsumer progress) throws SqlServerFailure;

    /** What msdb recorded for the database over the last {@code lookBack}, times in UTC. */
    List<BackupSet> history(String database, Duration lookBack) throws SqlServerFailure;

    /** The backup sets msdb recorded in the media set of this file (as SQL Server named it), by position. */
    List<BackupSet> backupSetsIn(String physicalDeviceName) throws SqlServerFailure;
}
