package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A system ODBC DSN (TFLOWF) on a Workflow server: which SQL Server and database it points at, with which login. */
@Entity
@Table(name = "odbc_dsn")
public class OdbcDsn {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    /** 32 or 64: on a 64-bit server the 32-bit DSN is edited with c:\Windows\SysWOW64\odbcad32.exe. */
    @Column(nullable = false)
    public int bitness;

    @Column(name = "target_server_id", nullable = false)
    public String targetServerId;

    @Column(name = "default_database", nullable = false)
    public String defaultDatabase;

    @Column(name = "login_id", nullable = false)
    public String loginId;

    @Version
    public long revision;
}
