package io.wfdr.restore.sqlserver;

import io.wfdr.spine.sqlserver.SqlServerTarget;

/** Opens the connection to a target SQL Server as one of its logins; the password is resolved only at connect time. */
public interface TargetSqlServers {

    TargetSqlServer open(SqlServerTarget target, String login, String secretRef);
}
