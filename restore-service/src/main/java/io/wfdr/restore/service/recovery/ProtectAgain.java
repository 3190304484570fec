package io.wfdr.restore.service.recovery;

import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;

/**
 * Protection again: the restored database is now the one Workflow uses, so the inventory is told (a command) that
 * TFLOWF_DR on the DR SQL Server takes over from production's TFLOWF and that the TFLOWF DSN points at it; the
 * backup service then protects it with production's policy. Done once the inventory announces the take-over; the
 * inventory applies the same command only once, so asking again is harmless.
 */
final class ProtectAgain implements RecoveryStep {

    @Override
    public String name() {
        return "protect-again";
    }

    @Override
    public String title() {
        return "Make the restored database the environment's Workflow database, backed up again";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        return List.of("# wfdr.inventory.commands: wfdr.inventory.database.take-over.v1 {\"databaseId\": \""
                + targets.plan().databaseId() + "\", \"serverId\": \"" + targets.sqlServer().serverId()
                + "\", \"name\": \"" + targets.plan().newName() + "\", \"dsnId\": \"" + targets.dsn().id()
                + "\"}, then wait for the inventory's wfdr.inventory.database.taken-over.v1");
    }

    @Override
    public String input(RecoveryTargets targets) {
        return targets.plan().newName() + " on " + targets.plan().target().serverName() + " takes over from "
                + targets.plan().databaseName() + "; " + targets.dsn().name() + " points at it";
    }

    @Override
    public Check check(StepContext context) {
        return tookOver(context) ? Check.done(said(context)) : Check.needed(context.targets().plan().newName()
                + " is not the environment's Workflow database yet");
    }

    @Override
    public void act(StepContext context) {
        RecoveryTargets targets = context.targets();
        context.world().takeOver(new RecoveryWorld.TakeOver(targets.plan().databaseId(),
                targets.sqlServer().serverId(), targets.plan().newName(), targets.dsn().id(), context.runbookId()));
    }

    @Override
    public Verification verify(StepContext context) {
        return tookOver(context) ? Verification.passed(said(context))
                : Verification.notYet("waiting for the inventory to announce that " + context.targets().plan()
                        .newName() + " took over");
    }

    private static boolean tookOver(StepContext context) {
        RecoveryTargets targets = context.targets();
        return context.world().tookOver(targets.sqlServer().serverId(), targets.plan().newName(),
                targets.plan().databaseId());
    }

    private static String said(StepContext context) {
        return context.targets().plan().newName() + " on " + context.targets().plan().target().serverName()
                + " is the environment's Workflow database; the backup service protects it with "
                + context.targets().plan().databaseName() + "'s policy";
    }
}
