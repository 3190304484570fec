package io.wfdr.restore.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.spine.contract.ContractJson;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A restore carried out step by step: made from a template and a plan, asked for by a requester (with a ticket and a
 * reason), approved by someone else when it replaces a database or touches production names. Its definition (the
 * plan and every target, secret-free) never changes after approval: its fingerprint is what was approved.
 */
@Entity
@Table(name = "runbook")
public class Runbook {

    @Id
    public String id;

    @Column(nullable = false, updatable = false)
    public String template;

    @Column(name = "plan_id", nullable = false, updatable = false)
    public String planId;

    @Column(name = "database_id", nullable = false, updatable = false)
    public String databaseId;

    @Column(name = "ticket_id", updatable = false)
    public String ticketId;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "requested_by", nullable = false, updatable = false)
    public String requestedBy;

    @Column(name = "requested_by_name", updatable = false)
    public String requestedByName;

    @Column(name = "request_id", updatable = false)
    public String requestId;

    /** The W3C trace of the request, so every step's events and records join it. */
    @Column(updatable = false)
    public String traceparent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RunbookStatus status;

    /** Why an approver must agree, one reason per line; null when nobody needs to. */
    @Column(name = "approval_reasons")
    public String approvalReasons;

    @Column(name = "approved_by")
    public String approvedBy;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_fingerprint")
    public String approvedFingerprint;

    @Column(nullable = false, length = 1_000_000)
    public String definition;

    @Column(nullable = false)
    public String fingerprint;

    @Column(name = "callback_url")
    public String callbackUrl;

    @Column(name = "pause_requested", nullable = false)
    public boolean pauseRequested;

    @Column(name = "cancel_requested", nullable = false)
    public boolean cancelRequested;

    public String owner;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    public String outcome;

    @Version
    public long revision;

    @OneToMany(cascade = CascadeType.ALL, fetch = FetchType.EAGER, orphanRemoval = true)
    @JoinColumn(name = "runbook_id", nullable = false, insertable = false, updatable = false)
    @OrderBy("number")
    public List<RunbookStep> steps = new ArrayList<>();

    public RecoveryTargets targets() {
        return ContractJson.read(definition, RecoveryTargets.class);
    }

    public boolean needsApproval() {
        return approvalReasons != null;
    }

    /** Approved, and nothing changed since: the definition is still the one the approver saw. */
    public boolean approvalHolds() {
        return !needsApproval() || (approvedBy != null && fingerprint.equals(approvedFingerprint));
    }

    public RunbookStep step(int number) {
        return steps.stream().filter(s -> s.number == number).findFirst().orElse(null);
    }

    /** The first step not done or skipped, or null when all are. */
    public RunbookStep current() {
        return steps.stream().filter(s -> !s.status.finished()).findFirst().orElse(null);
    }

    public boolean leasedBy(String instance, Instant now) {
        return instance.equals(owner) && leaseUntil != null && leaseUntil.isAfter(now);
    }
}
