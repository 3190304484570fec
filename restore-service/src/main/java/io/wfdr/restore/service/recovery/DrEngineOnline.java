package io.wfdr.restore.service.recovery;

import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;

/** Guide step 1: bring up the DR Workflow (iProcess Engine) server — a command to the inventory, then its event. */
final class DrEngineOnline implements RecoveryStep {

    static final String ONLINE = "ONLINE";

    @Override
    public String name() {
        return "dr-engine-online";
    }

    @Override
    public String title() {
        return "Bring up the DR Workflow iProcess Engine server";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        return List.of("# wfdr.inventory.commands: wfdr.inventory.server.bring-online.v1 {\"serverId\": \""
                + targets.engineServer().serverId() + "\"} (" + targets.engineServer().name()
                + "), then wait for wfdr.inventory.server.state-changed.v1 to ONLINE");
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "bring " + targets.engineServer().name() + " online";
    }

    @Override
    public Check check(StepContext context) {
        String state = context.world().serverState(context.targets().engineServer().serverId());
        return ONLINE.equals(state) ? Check.done(context.targets().engineServer().name() + " is already ONLINE")
                : Check.needed(context.targets().engineServer().name() + " is " + state);
    }

    @Override
    public void act(StepContext context) {
        context.world().bringOnline(context.targets().engineServer().serverId(),
                "database recovery runbook " + context.runbookId());
    }

    @Override
    public Verification verify(StepContext context) {
        String state = context.world().serverState(context.targets().engineServer().serverId());
        String name = context.targets().engineServer().name();
        return ONLINE.equals(state) ? Verification.passed(name + " is ONLINE")
                : Verification.notYet(name + " is " + state + "; waiting for the inventory to report it ONLINE");
    }
}
