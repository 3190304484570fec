package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A SQL login of a database server, as a secret reference: resolved at connect time, never stored or logged. */
@Entity
@Table(name = "known_login")
public class KnownLogin {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "server_id", nullable = false)
    public String serverId;

    @Column(name = "secret_ref", nullable = false)
    public String secretRef;
}
