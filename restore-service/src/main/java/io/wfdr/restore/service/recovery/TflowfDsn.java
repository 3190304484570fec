package io.wfdr.restore.service.recovery;

import java.util.List;
import java.util.Optional;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.windows.DsnSettings;
import io.wfdr.restore.windows.WindowsReplies;
import io.wfdr.restore.windows.WindowsScripts;

/**
 * Guide steps 7–12: the TFLOWF System DSN on the DR Workflow iProcess Engine server points at the DR SQL Server,
 * with the restored database as its default and tfwfowner as its login — the 32-bit DSN (through SysWOW64) where
 * the inventory records a 32-bit one on a 64-bit machine. Setting the same values again changes nothing.
 */
final class TflowfDsn implements RecoveryStep {

    @Override
    public String name() {
        return "repoint-dsn";
    }

    @Override
    public String title() {
        return "Point the TFLOWF System DSN at the DR SQL Server and the restored database";
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
            return List.of("-- on " + targets.engineServer().name() + ": run " + (isX86(targets)
                    ? "C:\\Windows\\SysWOW64\\odbcad32.exe" : "odbcad32.exe") + ", System DSN " + targets.dsn().name()
                    + ": Server " + server(targets) + ", default database " + targets.plan().newName() + ", login "
                    + targets.dsn().login());
        }
        return List.of(WindowsScripts.scriptOnly(point(targets)));
    }

    @Override
    public String input(RecoveryTargets targets) {
        return targets.dsn().platform() + " System DSN " + targets.dsn().name() + " on " + targets.engineServer().name()
                + " → " + server(targets) + "/" + targets.plan().newName() + " as " + targets.dsn().login();
    }

    @Override
    public Check check(StepContext context) throws Exception {
        Optional<DsnSettings> dsn = read(context);
        return pointed(context.targets(), dsn) ? Check.done(describe(dsn.get()))
                : Check.needed(dsn.map(TflowfDsn::describe).orElse("no such DSN"));
    }

    @Override
    public void act(StepContext context) throws Exception {
        WindowsReplies.dsn(context.engineHost().run(point(context.targets())));
    }

    @Override
    public Verification verify(StepContext context) throws Exception {
        Optional<DsnSettings> dsn = read(context);
        if (dsn.isEmpty()) {
            return Verification.failed("the " + context.targets().dsn().platform() + " System DSN "
                    + context.targets().dsn().name() + " is not on " + context.targets().engineServer().name()
                    + "; the guide says to contact Pegasus TransTech Customer Support");
        }
        return pointed(context.targets(), dsn) ? Verification.passed(describe(dsn.get()))
                : Verification.failed("after the change it reads " + describe(dsn.get()));
    }

    /** The server as a DSN names it: {@code HOST\INSTANCE}, or {@code HOST,port} off the default port. */
    static String server(RecoveryTargets targets) {
        RecoveryTargets.SqlEndpoint sql = targets.sqlServer();
        if (sql.instanceName() != null) {
            return sql.host() + "\\" + sql.instanceName();
        }
        return sql.port() == 1433 ? sql.host() : sql.host() + "," + sql.port();
    }

    private static Optional<DsnSettings> read(StepContext context) throws Exception {
        RecoveryTargets.Dsn dsn = context.targets().dsn();
        return WindowsReplies.dsn(context.engineHost().run(WindowsScripts.readDsn(dsn.name(), dsn.platform())));
    }

    private static io.wfdr.restore.windows.PowerShellScript point(RecoveryTargets targets) {
        return WindowsScripts.pointDsn(targets.dsn().name(), targets.dsn().platform(), server(targets),
                targets.plan().newName(), targets.dsn().login());
    }

    private static boolean pointed(RecoveryTargets targets, Optional<DsnSettings> dsn) {
        return dsn.isPresent() && server(targets).equalsIgnoreCase(dsn.get().server())
                && targets.plan().newName().equalsIgnoreCase(dsn.get().database())
                && targets.dsn().login().equalsIgnoreCase(dsn.get().login());
    }

    private static boolean isX86(RecoveryTargets targets) {
        return WindowsScripts.PLATFORM_32.equals(targets.dsn().platform());
    }

    private static String describe(DsnSettings dsn) {
        return dsn.name() + " (" + dsn.platform() + ", " + dsn.driver() + "): Server " + dsn.server() + ", Database "
                + dsn.database() + ", login " + dsn.login();
    }
}
