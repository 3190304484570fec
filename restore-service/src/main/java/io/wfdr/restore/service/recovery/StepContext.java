package io.wfdr.restore.service.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.restore.windows.WindowsHost;

/**
 * What a step works with: its runbook's targets, the outside world (opened lazily, so a step that needs no SQL Server
 * never connects to one), a place to report progress, and remarks — things it found and went on past, which end up
 * in its outcome ("tfwfuser exists with another SID; step 5 maps the user to it").
 */
public final class StepContext {

    private final String runbookId;
    private final Instant runbookStartedAt;
    private final RecoveryTargets targets;
    private final RecoveryWorld world;
    private final IntConsumer progress;
    private final List<String> remarks = new ArrayList<>();
    private TargetSqlServer sql;
    private WindowsHost engineHost;

    public StepContext(String runbookId, Instant runbookStartedAt, RecoveryTargets targets, RecoveryWorld world,
            IntConsumer progress) {
        this.runbookId = runbookId;
        this.runbookStartedAt = runbookStartedAt;
        this.targets = targets;
        this.world = world;
        this.progress = progress;
    }

    public String runbookId() {
        return runbookId;
    }

    /** When the runbook first started: what was restored before it is not its work. */
    public Instant runbookStartedAt() {
        return runbookStartedAt;
    }

    public RecoveryTargets targets() {
        return targets;
    }

    public RecoveryWorld world() {
        return world;
    }

    public Clock clock() {
        return world.clock();
    }

    public TargetSqlServer sql() {
        if (sql == null) {
            sql = world.sqlServer(targets.sqlServer());
        }
        return sql;
    }

    /** The DR Workflow iProcess Engine server's PowerShell; a step fails in words when the inventory has no way in. */
    public WindowsHost engineHost() throws StepFailure {
        if (engineHost == null) {
            engineHost = world.windowsHost(targets.engineServer());
        }
        return engineHost;
    }

    public void progress(int percent) {
        progress.accept(percent);
    }

    public void remark(String remark) {
        remarks.add(remark);
    }

    public List<String> remarks() {
        return List.copyOf(remarks);
    }
}
