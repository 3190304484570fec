package io.wfdr.restore.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A server as the inventory announced it; {@code currentName} is the one it carries now (after a failover). */
@Entity
@Table(name = "known_server")
public class KnownServer {

    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    @Column(name = "current_name", nullable = false)
    public String currentName;

    @Column(name = "site_id", nullable = false)
    public String siteId;
}
