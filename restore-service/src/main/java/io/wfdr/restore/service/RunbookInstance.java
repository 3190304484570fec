package io.wfdr.restore.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/** This running instance of the service, as runbook leases name it. */
@ApplicationScoped
public class RunbookInstance {

    private final String id = "restore-service-" + UUID.randomUUID();

    public String id() {
        return id;
    }
}
