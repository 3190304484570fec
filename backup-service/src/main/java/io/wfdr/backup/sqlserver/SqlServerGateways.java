package io.wfdr.backup.sqlserver;

import io.wfdr.backup.config.SecretResolver;
import io.wfdr.backup.domain.KnownLogin;
import io.wfdr.backup.domain.KnownServer;
import io.wfdr.backup.domain.SqlServerConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the gateway to one database server; the password is resolved from its reference when connecting. */
@ApplicationScoped
public class SqlServerGateways {

    private final SecretResolver secrets;

    SqlServerGateways(SecretResolver secrets) {
        this.secrets = secrets;
    }

    public SqlServerGateway open(KnownServer server, SqlServerConnection connection, KnownLogin login) {
        return new JdbcSqlServer(connection.jdbcUrl(server.currentName), login.name,
                () -> secrets.resolve(login.secretRef));
    }
}
