package io.wfdr.backup.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.SqlServerConnection;
import io.wfdr.spine.secrets.SecretResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the gateway to one database server, by the name the inventory says it carries now (after a failover, the
 * DR server's); the password is resolved from its reference when connecting.
 */
@ApplicationScoped
public class SqlServerGateways {

    private final SecretResolver secrets;

    protected SqlServerGateways(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public SqlServerGateway open(KnownServer server, SqlServerConnection connection, KnownLogin login) {
        String instance = connection.instanceName == null || connection.instanceName.isBlank() ? null
                : connection.instanceName;
        return open(new SqlServerTarget(server.currentName, connection.port, instance, connection.encrypt,
                connection.trustServerCertificate), login);
    }

    protected SqlServerGateway open(SqlServerTarget target, KnownLogin login) {
        return new JdbcSqlServer(target, login.name, () -> secrets.resolve(login.secretRef));
    }
}
