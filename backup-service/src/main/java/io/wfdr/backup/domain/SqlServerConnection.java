package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * How to reach a database server: its port or named instance, TLS settings, and which of its logins to use. The
 * host name is the server's current name from the inventory, so after a failover backups follow the DR server.
 */
@Entity
@Table(name = "sql_server_connection")
public class SqlServerConnection {

    @Id
    @Column(name = "server_id")
    public String serverId;

    @Column(nullable = false)
    public int port;

    @Column(name = "instance_name")
    public String instanceName;

    @Column(nullable = false)
    public boolean encrypt;

    @Column(name = "trust_server_certificate", nullable = false)
    public boolean trustServerCertificate;

    @Column(name = "login_id", nullable = false)
    public String loginId;

    @Version
    public long revision;
}
