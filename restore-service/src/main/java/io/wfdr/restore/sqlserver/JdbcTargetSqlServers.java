package io.wfdr.restore.sqlserver;

import io.wfdr.spine.secrets.SecretResolver;
import io.wfdr.spine.sqlserver.SqlServerTarget;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens the DR SQL Server as one of its logins. The secret reference is checked now (a reference that could never
 * resolve fails before a runbook starts) but resolved only when a connection is made, so no password is held.
 */
@ApplicationScoped
public class JdbcTargetSqlServers implements TargetSqlServers {

    private final SecretResolver secrets;

    JdbcTargetSqlServers(SecretResolver secrets) {
        this.secrets = secrets;
    }

    @Override
    public TargetSqlServer open(SqlServerTarget target, String login, String secretRef) {
        secrets.check(secretRef);
        return new JdbcTargetSqlServer(target, login, () -> secrets.resolve(secretRef));
    }
}
