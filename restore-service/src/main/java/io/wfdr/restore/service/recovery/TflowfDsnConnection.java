package io.wfdr.restore.service.recovery;

import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.windows.DsnTest;
import io.wfdr.restore.windows.WindowsReplies;
import io.wfdr.restore.windows.WindowsScripts;

/**
 * Guide step 13: Test Connection through the TFLOWF DSN, with the ODBC stack of its bitness, as tfwfowner — the
 * password from its secret reference on the script's standard input only, never in a script, event, record or log.
 */
final class TflowfDsnConnection implements RecoveryStep {

    @Override
    public String name() {
        return "test-dsn";
    }

    @Override
    public String title() {
        return "Test the connection through the TFLOWF DSN";
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
    public List<String> script(RecoveryTargets targets) {
        if (manualWhen(targets)) {
            return List.of("-- on " + targets.engineServer().name() + ": Test Connection in the ODBC administrator; "
                    + "TESTS COMPLETED SUCCESSFULLY must appear");
        }
        return List.of(WindowsScripts.scriptOnly(WindowsScripts.testDsn(targets.dsn().name(), targets.dsn().platform(),
                targets.dsn().login(), "-")));
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "connect through " + targets.dsn().name() + " (" + targets.dsn().platform() + ") as "
                + targets.dsn().login();
    }

    @Override
    public Check check(StepContext context) {
        return Check.needed("a connection test is run every time");
    }

    @Override
    public void act(StepContext context) {
        // the test is the verification
    }

    @Override
    public Verification verify(StepContext context) throws Exception {
        DsnTest test = test(context);
        String expected = context.targets().plan().newName();
        if (!test.connected()) {
            return Verification.failed("the connection through " + context.targets().dsn().name() + " failed: "
                    + test.error());
        }
        return expected.equalsIgnoreCase(test.database())
                ? Verification.passed("connected to " + test.server() + ", database " + test.database())
                : Verification.failed("connected, but to database " + test.database() + ", not " + expected);
    }

    static DsnTest test(StepContext context) throws Exception {
        RecoveryTargets.Dsn dsn = context.targets().dsn();
        String password = context.world().secret(dsn.secretRef());
        return WindowsReplies.dsnTest(context.engineHost().run(WindowsScripts.testDsn(dsn.name(), dsn.platform(),
                dsn.login(), password)));
    }
}
