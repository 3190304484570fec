package io.wfdr.restore.messaging;

import java.time.Instant;
import java.util.List;

import io.wfdr.restore.domain.Runbook;
import io.wfdr.restore.domain.RunbookStatus;
import io.wfdr.restore.domain.RunbookStep;
import io.wfdr.restore.domain.StepStatus;
import io.wfdr.spine.events.EventType;
import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Runbook facts on {@code wfdr.restore.events}, through the outbox, keyed by the runbook id (so they stay in order). */
@ApplicationScoped
public class RunbookEvents {

    public static final String TOPIC = Topics.events("restore");

    private final EventOutbox outbox;

    RunbookEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    @EventType("wfdr.restore.runbook.requested.v1")
    public record RunbookRequested(String runbookId, String template, String planId, String databaseId,
            String databaseName, String newName, String targetServerId, String ticketId, String reason,
            RunbookStatus status, List<String> approvalReasons, String requestedBy, Instant at) {
    }

    @EventType("wfdr.restore.runbook.status-changed.v1")
    public record RunbookStatusChanged(String runbookId, String ticketId, RunbookStatus from, RunbookStatus to,
            String outcome, Instant at) {
    }

    @EventType("wfdr.restore.runbook.step-started.v1")
    public record StepStarted(String runbookId, String ticketId, int step, String name, int attempt, String input,
            Instant at) {
    }

    @EventType("wfdr.restore.runbook.step-ended.v1")
    public record StepEnded(String runbookId, String ticketId, int step, String name, StepStatus status,
            String outcome, String decidedBy, Instant at) {
    }

    public void requested(Runbook runbook, String databaseName, String newName, String targetServerId) {
        publish(runbook, new RunbookRequested(runbook.id, runbook.template, runbook.planId, runbook.databaseId,
                databaseName, newName, targetServerId, runbook.ticketId, runbook.reason, runbook.status,
                runbook.approvalReasons == null ? List.of() : List.of(runbook.approvalReasons.split("\n")),
                runbook.requestedBy, runbook.createdAt));
    }

    public void statusChanged(Runbook runbook, RunbookStatus from, Instant at) {
        publish(runbook, new RunbookStatusChanged(runbook.id, runbook.ticketId, from, runbook.status,
                runbook.outcome, at));
    }

    public void stepStarted(Runbook runbook, RunbookStep step, String input, Instant at) {
        publish(runbook, new StepStarted(runbook.id, runbook.ticketId, step.number, step.name, step.attempts, input,
                at));
    }

    public void stepEnded(Runbook runbook, RunbookStep step, Instant at) {
        publish(runbook, new StepEnded(runbook.id, runbook.ticketId, step.number, step.name, step.status,
                step.outcome, step.decidedBy, at));
    }

    private void publish(Runbook runbook, Object event) {
        outbox.record(TOPIC, runbook.id, "runbook/" + runbook.id, event);
    }
}
