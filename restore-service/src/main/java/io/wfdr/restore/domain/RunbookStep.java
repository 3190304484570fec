package io.wfdr.restore.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/**
 * One step of a runbook and everything that happened to it. {@code actStartedAt} is stored before the action runs:
 * a step found RUNNING in phase ACT after a crash may have acted, so it checks the world before it acts again, and a
 * step whose action cannot be repeated ({@code idempotent = false}: CREATE LOGIN, RESTORE … WITH RECOVERY) is never
 * run a second time on a guess.
 */
@Entity
@Table(name = "runbook_step")
@IdClass(RunbookStep.Key.class)
public class RunbookStep {

    @Id
    @Column(name = "runbook_id")
    public String runbookId;

    @Id
    public int number;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public boolean manual;

    @Column(nullable = false)
    public boolean idempotent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public StepStatus status;

    @Enumerated(EnumType.STRING)
    public StepPhase phase;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "act_started_at")
    public Instant actStartedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    /** Percent of the action done (RESTORE's STATS), when the action reports it. */
    public Integer progress;

    public String outcome;

    /** The operator's note (a manual step completed, a step skipped). */
    public String note;

    /** Who completed or skipped it by hand. */
    @Column(name = "decided_by")
    public String decidedBy;

    public static RunbookStep of(String runbookId, int number, String name, String title, boolean manual,
            boolean idempotent) {
        RunbookStep step = new RunbookStep();
        step.runbookId = runbookId;
        step.number = number;
        step.name = name;
        step.title = title;
        step.manual = manual;
        step.idempotent = idempotent;
        step.status = StepStatus.PENDING;
        return step;
    }

    /** Found in the middle of its action: the service stopped while it acted. */
    public boolean interruptedWhileActing() {
        return status == StepStatus.RUNNING && phase == StepPhase.ACT && actStartedAt != null;
    }

    public static class Key implements Serializable {
        public String runbookId;
        public int number;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.number == number && Objects.equals(key.runbookId, runbookId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runbookId, number);
        }
    }
}
