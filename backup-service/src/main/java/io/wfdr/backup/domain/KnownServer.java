package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A server as the inventory announced it. {@code currentName} is the name to connect to: after a failover it is
 * the name the DR server took over.
 */
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

    /** The VM host it runs on; a physical server is its own machine. */
    @Column(name = "host_id")
    public String hostId;

    @Column(name = "database_server", nullable = false)
    public boolean databaseServer;
}
