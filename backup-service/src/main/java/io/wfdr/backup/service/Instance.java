package io.wfdr.backup.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** This instance of the backup service, as its claims and leases name it. */
@ApplicationScoped
public class Instance {

    private final String id = "backup-service-" + UUID.randomUUID();

    public String id() {
        return id;
    }
}
