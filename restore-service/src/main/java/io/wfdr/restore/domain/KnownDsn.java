package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An ODBC System DSN as the inventory announced it: the Windows server it is defined on, 32- or 64-bit, the SQL
 * Server and default database it points at, and the login it connects as.
 */
@Entity
@Table(name = "known_dsn")
public class KnownDsn {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    @Column(nullable = false)
    public int bitness;

    @Column(name = "target_server_id", nullable = false)
    public String targetServerId;

    @Column(name = "default_database", nullable = false)
    public String defaultDatabase;

    @Column(name = "login_id", nullable = false)
    public String loginId;
}
