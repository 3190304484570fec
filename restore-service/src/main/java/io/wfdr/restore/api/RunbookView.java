package io.wfdr.restore.api;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wfdr.restore.domain.RunbookStatus;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.wfdr.restore.domain.StepPhase;
import io.wfdr.restore.domain.StepStatus;

/**
 * A runbook as an operator follows it: where it is, each step's state and outcome, progress in percent and the
 * predicted seconds left of the restore (from the plan's prediction and RESTORE's STATS).
 */
public record RunbookView(String id, String template, String planId, String databaseId, String databaseName,
        String newName, String targetServer, String ticketId, String reason, RunbookStatus status,
        String requestedBy, Approval approval, int percent, @JsonInclude(JsonInclude.Include.NON_NULL) Long etaSeconds,
        Instant createdAt, @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant endedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String outcome, boolean pauseRequested, boolean cancelRequested,
        @JsonInclude(JsonInclude.Include.NON_NULL) String callbackUrl, List<Step> steps) {

    /** Whether an approver must agree and why; who did and when. */
    public record Approval(boolean needed, List<String> reasons,
            @JsonInclude(JsonInclude.Include.NON_NULL) String approvedBy,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant approvedAt) {
    }

    @Schema(name = "RunbookStep", description = "One step of a runbook and what happened to it")
    public record Step(int number, String name, String title, boolean manual, boolean idempotent, StepStatus status,
            @JsonInclude(JsonInclude.Include.NON_NULL) StepPhase phase, int attempts,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer progress,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Instant endedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String outcome,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            @JsonInclude(JsonInclude.Include.NON_NULL) String decidedBy) {
    }
}
