package io.wfdr.restore.service.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.sqlserver.DatabaseState;
import io.wfdr.restore.sqlserver.RecoveryStatements;
import io.wfdr.restore.windows.DsnTest;
import io.wfdr.restore.windows.ServiceState;
import io.wfdr.restore.windows.WindowsReplies;
import io.wfdr.restore.windows.WindowsScripts;

/**
 * The guide's last word, made a check: the database ONLINE and MULTI_USER with production's recovery model, DBCC
 * CHECKDB clean, its newest Workflow activity no later than the plan's point in time, the iProcess services running,
 * the DSN test passing, the Workflow Web Server answering. Every check runs and is reported; the runbook is
 * COMPLETED only when all pass, else RESTORED_NOT_VERIFIED with what failed.
 */
final class VerifyRecovery implements RecoveryStep {

    /** How much later than the plan's point the newest activity may seem (clocks of two servers differ). */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String title() {
        return "Verify the recovered Workflow";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public Duration waitLimit() {
        return Duration.ZERO;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        String database = targets.plan().newName();
        List<String> lines = new ArrayList<>();
        lines.add("SELECT state_desc, user_access_desc, recovery_model_desc FROM sys.databases WHERE name = N'"
                + database.replace("'", "''") + "';");
        lines.add(RecoveryStatements.checkDb(database, targets.options().checkDb()).shown());
        lines.add("-- in " + database + ": " + targets.options().activityQuery());
        lines.add("-- the iProcess services running, the DSN test passing, GET " + (targets.webUrl() == null
                ? "<no Workflow Web Server URL in the inventory>" : targets.webUrl()) + " answering");
        return lines;
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "verify " + targets.plan().newName() + " on " + targets.plan().target().serverName() + " and Workflow";
    }

    @Override
    public Check check(StepContext context) {
        return Check.needed("verification is run every time");
    }

    @Override
    public void act(StepContext context) {
        // the checks are the verification
    }

    @Override
    public Verification verify(StepContext context) {
        List<String> passed = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        checked(passed, failed, "database", () -> database(context));
        checked(passed, failed, "DBCC CHECKDB", () -> checkDb(context));
        checked(passed, failed, "newest activity", () -> activity(context));
        checked(passed, failed, "services", () -> services(context));
        checked(passed, failed, "DSN", () -> dsn(context));
        checked(passed, failed, "web server", () -> web(context));
        return failed.isEmpty() ? Verification.passed(String.join("; ", passed))
                : Verification.failed(String.join("; ", failed) + " (passed: " + String.join("; ", passed) + ")");
    }

    private interface Probe {
        String run() throws Exception;
    }

    /** A probe returns what it found when it holds and throws {@link StepFailure} (or fails) when it does not. */
    private static void checked(List<String> passed, List<String> failed, String what, Probe probe) {
        try {
            passed.add(probe.run());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed.add(what + ": interrupted");
        } catch (Exception e) {
            failed.add(what + ": " + e.getMessage());
        }
    }

    private static String database(StepContext context) throws Exception {
        String name = context.targets().plan().newName();
        Optional<DatabaseState> state = context.sql().database(name);
        if (state.isEmpty()) {
            throw new StepFailure(name + " is not on " + context.sql().display());
        }
        DatabaseState db = state.get();
        String expected = context.targets().recoveryModel();
        if (!db.online() || !"MULTI_USER".equals(db.userAccess())
                || (expected != null && !expected.equalsIgnoreCase(db.recoveryModel()))) {
            throw new StepFailure(name + " is " + db.state() + ", " + db.userAccess() + ", " + db.recoveryModel()
                    + " (expected ONLINE, MULTI_USER, " + expected + " as production)");
        }
        return name + " ONLINE, MULTI_USER, " + db.recoveryModel();
    }

    private static String checkDb(StepContext context) throws Exception {
        String mode = context.targets().options().checkDb();
        context.sql().execute(RecoveryStatements.checkDb(context.targets().plan().newName(), mode), p -> { });
        return "DBCC CHECKDB " + mode + " clean";
    }

    private static String activity(StepContext context) throws Exception {
        Optional<Instant> newest = context.sql().newestActivity(context.targets().plan().newName(),
                context.targets().options().activityQuery());
        Instant point = context.targets().plan().restoresTo();
        if (newest.isEmpty()) {
            throw new StepFailure("no Workflow activity found in " + context.targets().plan().newName());
        }
        if (newest.get().isAfter(point.plus(CLOCK_TOLERANCE))) {
            throw new StepFailure("the newest activity " + newest.get() + " is later than the plan's point " + point);
        }
        return "newest activity " + newest.get() + " (plan's point " + point + ")";
    }

    private static String services(StepContext context) throws Exception {
        if (context.targets().engineServer().remoteShell() == null) {
            throw new StepFailure("cannot be checked: no remote shell for " + context.targets().engineServer().name());
        }
        List<ServiceState> states = WindowsReplies.serviceStates(context.engineHost().run(
                WindowsScripts.serviceStates(context.targets().engineServer().services())));
        if (states.isEmpty() || !states.stream().allMatch(ServiceState::running)) {
            throw new StepFailure("not all running: " + String.join(", ", states.stream()
                    .map(s -> s.name() + " " + s.status()).toList()));
        }
        return "iProcess services running";
    }

    private static String dsn(StepContext context) throws Exception {
        if (context.targets().engineServer().remoteShell() == null) {
            throw new StepFailure("cannot be checked: no remote shell for " + context.targets().engineServer().name());
        }
        DsnTest test = TflowfDsnConnection.test(context);
        if (!test.connected() || !context.targets().plan().newName().equalsIgnoreCase(test.database())) {
            throw new StepFailure(test.connected() ? "connects to " + test.database() : test.error());
        }
        return "DSN connects to " + test.database();
    }

    private static String web(StepContext context) throws Exception {
        String url = context.targets().webUrl();
        if (url == null) {
            throw new StepFailure("the inventory has no URL for the Workflow Web Server (its workflowUrl)");
        }
        int status = context.world().webStatus(url);
        if (status >= 400) {
            throw new StepFailure(url + " answered " + status);
        }
        return url + " answered " + status;
    }
}
