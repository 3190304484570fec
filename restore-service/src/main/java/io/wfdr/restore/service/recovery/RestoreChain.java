package io.wfdr.restore.service.recovery;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.sqlserver.DatabaseState;
import io.wfdr.restore.sqlserver.RecoveryStatements;
import io.wfdr.restore.sqlserver.ServerFacts;
import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * Guide step 2: the plan's chain under the new name — the full, the differential, the logs WITH NORECOVERY, then
 * RECOVERY. Resumable: the target's {@code msdb.dbo.restorehistory} says which backup sets this runbook already
 * restored, so after a crash the chain goes on from the next one, and RECOVERY runs only while the database is
 * still RESTORING — neither is ever run twice.
 */
final class RestoreChain implements RecoveryStep {

    @Override
    public String name() {
        return "restore-chain";
    }

    @Override
    public String title() {
        return "Restore the last full backup and apply the differentials (and logs) under the new name";
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public java.time.Duration waitLimit() {
        return java.time.Duration.ofMinutes(1);
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        ServerFacts shown = new ServerFacts("?", 0, "?", "<InstanceDefaultDataPath>", "<InstanceDefaultLogPath>", "\\");
        List<String> lines = new ArrayList<>();
        for (RestorePlan.Step step : targets.plan().steps()) {
            lines.add(RecoveryStatements.restore(targets.plan(), step, shown, targets.options().replace()).shown());
        }
        lines.add(RecoveryStatements.recover(targets.plan().newName()).shown());
        return lines;
    }

    @Override
    public String input(RecoveryTargets targets) {
        RestorePlan plan = targets.plan();
        return plan.steps().size() + " backups of " + plan.databaseName() + " as " + plan.newName() + " on "
                + plan.target().serverName() + ", to " + plan.restoresTo() + " (plan " + plan.id() + ")";
    }

    @Override
    public Check check(StepContext context) throws SqlServerFailure {
        RestorePlan plan = context.targets().plan();
        Optional<DatabaseState> database = context.sql().database(plan.newName());
        if (database.isPresent() && database.get().online() && allRestored(context)) {
            return Check.done(plan.newName() + " is ONLINE with every backup of the plan restored by this runbook");
        }
        return Check.needed(database.map(d -> plan.newName() + " is " + d.state()).orElse(plan.newName()
                + " does not exist yet"));
    }

    @Override
    public void act(StepContext context) throws SqlServerFailure {
        RestorePlan plan = context.targets().plan();
        TargetSqlServer sql = context.sql();
        Set<String> restored = restored(context);
        ServerFacts facts = sql.facts();
        long total = Math.max(1, plan.steps().stream().mapToLong(RestorePlan.Step::bytes).sum());
        long done = 0;
        for (RestorePlan.Step step : plan.steps()) {
            if (restored.contains(step.backupSetUuid().toUpperCase(Locale.ROOT))) {
                context.remark(step.type() + " " + step.backupSetUuid() + " was restored before the interruption");
            } else {
                long before = done;
                sql.execute(RecoveryStatements.restore(plan, step, facts, context.targets().options().replace()),
                        percent -> context.progress((int) ((before + step.bytes() * percent / 100) * 99 / total)));
            }
            done += step.bytes();
            context.progress((int) (done * 99 / total));
        }
        Optional<DatabaseState> database = sql.database(plan.newName());
        if (database.isPresent() && "RESTORING".equals(database.get().state())) {
            sql.execute(RecoveryStatements.recover(plan.newName()), percent -> { });
        }
        context.progress(100);
    }

    @Override
    public Verification verify(StepContext context) throws SqlServerFailure {
        RestorePlan plan = context.targets().plan();
        Optional<DatabaseState> database = context.sql().database(plan.newName());
        if (database.isEmpty()) {
            return Verification.failed(plan.newName() + " is not on " + plan.target().serverName());
        }
        if ("RECOVERING".equals(database.get().state())) {
            return Verification.notYet(plan.newName() + " is still RECOVERING");
        }
        if (!database.get().online()) {
            return Verification.failed(plan.newName() + " is " + database.get().state() + " after the restore");
        }
        return Verification.passed(plan.newName() + " is ONLINE, restored to " + plan.restoresTo() + " UTC");
    }

    private boolean allRestored(StepContext context) throws SqlServerFailure {
        Set<String> restored = restored(context);
        return context.targets().plan().steps().stream()
                .allMatch(s -> restored.contains(s.backupSetUuid().toUpperCase(Locale.ROOT)));
    }

    private static Set<String> restored(StepContext context) throws SqlServerFailure {
        return context.sql().restoredSince(context.targets().plan().newName(), context.runbookStartedAt());
    }
}
