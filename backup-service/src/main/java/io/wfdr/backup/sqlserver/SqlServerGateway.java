package io.wfdr.backup.sqlserver;

import java.time.Duration;
import java.util.List;
import java.util.function.IntConsumer;

import io.wfdr.backup.domain.CatalogEntry;

/** The one boundary to SQL Server: run a statement to its end, read backup history from msdb. */
public interface SqlServerGateway {

    void execute(String sql, IntConsumer progress) throws SqlServerFailure;

    /** What msdb recorded for the database over the last {@code lookBack}, times in UTC. */
    List<CatalogEntry> history(String database, Duration lookBack) throws SqlServerFailure;
}
