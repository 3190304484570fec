package io.wfdr.restore.harness;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.restore.sqlserver.TargetSqlServers;
import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The DR SQL Servers of the harness, in place of the JDBC adapter: one {@link PersistedSqlServer} per host name,
 * its disks in {@code wfdr.harness.state-dir}. The login's secret reference is checked as the JDBC adapter checks
 * it; the simulated server asks for no password.
 */
@Alternative
@Priority(10)
@Singleton
public class PersistedSqlServers implements TargetSqlServers {

    private final SecretResolver secrets;
    private final HarnessConfig config;
    private final StopPoints stops;
    private final Clock clock;
    private final Map<String, PersistedSqlServer> servers = new ConcurrentHashMap<>();

    private final AdapterTime time;

    PersistedSqlServers(SecretResolver secrets, HarnessConfig config, Clock clock, AdapterTime time) {
        this.time = time;
        this.secrets = secrets;
        this.config = config;
        this.stops = new StopPoints(config.stateDir());
        this.clock = clock;
    }

    @Override
    public TargetSqlServer open(SqlServerTarget target, String login, String secretRef) {
        secrets.check(secretRef);
        TargetSqlServer server = servers.computeIfAbsent(target.host().toUpperCase(Locale.ROOT),
                host -> new PersistedSqlServer(host, config.stateDir(), stops, clock));
        return timed(server);
    }

    /** Every call's time counted in {@link AdapterTime}, so a benchmark can tell the engine's time from the server's. */
    private TargetSqlServer timed(TargetSqlServer server) {
        return (TargetSqlServer) java.lang.reflect.Proxy.newProxyInstance(TargetSqlServer.class.getClassLoader(),
                new Class<?>[] {TargetSqlServer.class}, (proxy, method, args) -> time.timed(() -> {
                    try {
                        return method.invoke(server, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        if (e.getCause() instanceof Exception failure) {
                            throw failure;
                        }
                        throw (Error) e.getCause();
                    }
                }));
    }
}
