package io.wfdr.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A SQL Server login the Workflow databases need (tfwfowner, tfwfuser). The password is never stored: only a
 * reference to the secret that holds it, resolved by whoever must use it.
 */
@Entity
@Table(name = "sql_login")
public class SqlLogin {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    /** The login's security identifier as 0x-prefixed hex, to recreate the login with the production SID. */
    public String sid;

    @Column(name = "secret_ref", nullable = false)
    public String secretRef;

    @Version
    public long revision;
}
