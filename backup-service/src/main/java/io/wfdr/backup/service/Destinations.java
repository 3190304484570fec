package io.wfdr.backup.service;

import io.wfdr.backup.domain.KnownHost;
import io.wfdr.backup.domain.KnownServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The machines offsite copies can go to: a machine of the inventory (a NAS, a VM host) or a physical server, such as
 * the DR site's SQL Server itself, which is its own machine.
 */
@ApplicationScoped
public class Destinations {

    private final EntityManager em;

    Destinations(EntityManager em) {
        this.em = em;
    }

    /** The site of the machine with this id, or null when the inventory knows no such machine. */
    public String siteOf(String machineId) {
        KnownHost host = em.find(KnownHost.class, machineId);
        if (host != null) {
            return host.siteId;
        }
        KnownServer server = em.find(KnownServer.class, machineId);
        return server != null && server.hostId == null ? server.siteId : null;
    }

    /** The physical machine a server runs on: its VM host, or itself. */
    public String machineOf(KnownServer server) {
        return server.hostId == null ? server.id : server.hostId;
    }
}
