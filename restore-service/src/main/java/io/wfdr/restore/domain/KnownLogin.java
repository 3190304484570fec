package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SQL login as the inventory announced it: its server, its SID ({@code 0x…}) and its password's reference. */
@Entity
@Table(name = "known_login")
public class KnownLogin {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "environment_id", nullable = false)
    public String environmentId;

    public String sid;

    @Column(name = "secret_ref")
    public String secretRef;
}
