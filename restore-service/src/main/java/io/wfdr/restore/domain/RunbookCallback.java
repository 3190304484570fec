package io.wfdr.restore.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A status callback owed to the URL a runbook's requester named, written with the change it reports. */
@Entity
@Table(name = "runbook_callback")
public class RunbookCallback {

    @Id
    public String id;

    @Column(name = "runbook_id", nullable = false)
    public String runbookId;

    @Column(nullable = false)
    public String url;

    @Column(nullable = false, length = 1_000_000)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_at", nullable = false)
    public Instant nextAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "last_error")
    public String lastError;
}
