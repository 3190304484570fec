package io.wfdr.restore.sqlserver;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/** The DR SQL Servers runbook tests restore on: one {@link SimulatedSqlServer} per host name, kept across calls. */
@Alternative
@Priority(1)
@Singleton
public class SimulatedSqlServers implements TargetSqlServers {

    private final Map<String, SimulatedSqlServer> servers = new ConcurrentHashMap<>();

    public SimulatedSqlServer server(String host) {
        return servers.computeIfAbsent(host.toUpperCase(java.util.Locale.ROOT),
                h -> new SimulatedSqlServer(host, Clock.systemUTC()));
    }

    @Override
    public TargetSqlServer open(SqlServerTarget target, String login, String secretRef) {
        return server(target.host());
    }
}
