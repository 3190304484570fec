package io.wfdr.restore.service.recovery;

import java.time.Duration;
import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.windows.PowerShellScript;
import io.wfdr.restore.windows.ServiceState;
import io.wfdr.restore.windows.WindowsReplies;
import io.wfdr.restore.windows.WindowsScripts;

/**
 * Guide steps 6 and 15: stop every iProcess service on the DR Workflow iProcess Engine server before its DSN is
 * changed, start them again after; the service names are the inventory's. Stopping a stopped service changes
 * nothing, so both are repeatable. Without a remote shell for the server, an operator does it and completes the step.
 */
final class IProcessServices implements RecoveryStep {

    private final boolean start;

    private IProcessServices(boolean start) {
        this.start = start;
    }

    static IProcessServices stop() {
        return new IProcessServices(false);
    }

    static IProcessServices start() {
        return new IProcessServices(true);
    }

    @Override
    public String name() {
        return start ? "start-iprocess" : "stop-iprocess";
    }

    @Override
    public String title() {
        return (start ? "Start" : "Stop") + " the iProcess services on the DR Workflow iProcess Engine server";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public boolean manualWhen(RecoveryTargets targets) {
        return targets.engineServer().remoteShell() == null;
    }

    @Override
    public Duration waitLimit() {
        return Duration.ofMinutes(15);
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        if (manualWhen(targets)) {
            return List.of("-- on " + targets.engineServer().name() + ": " + (start ? "start" : "stop") + " "
                    + String.join(", ", targets.engineServer().services()) + " by hand (no remote shell recorded)");
        }
        return List.of(WindowsScripts.scriptOnly(change(targets)));
    }

    @Override
    public String input(RecoveryTargets targets) {
        return (start ? "start " : "stop ") + String.join(", ", targets.engineServer().services()) + " on "
                + targets.engineServer().name();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        List<ServiceState> states = states(context);
        return states.stream().allMatch(this::settled) ? Check.done(describe(states)) : Check.needed(describe(states));
    }

    @Override
    public void act(StepContext context) throws Exception {
        WindowsReplies.serviceStates(context.engineHost().run(change(context.targets())));
    }

    @Override
    public Verification verify(StepContext context) throws Exception {
        List<ServiceState> states = states(context);
        if (states.stream().anyMatch(ServiceState::missing)) {
            return Verification.failed("not on " + context.targets().engineServer().name() + ": " + describe(states));
        }
        return states.stream().allMatch(this::settled) ? Verification.passed(describe(states))
                : Verification.notYet(describe(states));
    }

    private List<ServiceState> states(StepContext context) throws Exception {
        List<String> names = context.targets().engineServer().services();
        if (names.isEmpty()) {
            throw new StepFailure("the inventory names no services for " + context.targets().engineServer().name()
                    + " (set the server's windowsServices to its iProcess services)");
        }
        return WindowsReplies.serviceStates(context.engineHost().run(WindowsScripts.serviceStates(names)));
    }

    private PowerShellScript change(RecoveryTargets targets) {
        Duration timeout = Duration.ofSeconds(targets.options().serviceTimeoutSeconds());
        List<String> names = targets.engineServer().services();
        return start ? WindowsScripts.startServices(names, timeout) : WindowsScripts.stopServices(names, timeout);
    }

    private boolean settled(ServiceState state) {
        return start ? state.running() : state.stopped();
    }

    private static String describe(List<ServiceState> states) {
        return String.join(", ", states.stream().map(s -> s.name() + " " + s.status()).toList());
    }
}
