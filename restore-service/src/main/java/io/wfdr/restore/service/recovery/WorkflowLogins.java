package io.wfdr.restore.service.recovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.sqlserver.DatabaseUser;
import io.wfdr.restore.sqlserver.RecoveryStatements;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * Guide step 3: tfwfowner and tfwfuser must be on the DR SQL Server with production's passwords. A missing login is
 * created with the password from its secret reference and the SID the restored database's user carries, so the user
 * is not orphaned at all; a login that exists with another SID is left as it is and said so (step 5 maps the user).
 * CREATE LOGIN is not repeatable: the check (does the login exist?) always runs first.
 */
final class WorkflowLogins implements RecoveryStep {

    @Override
    public String name() {
        return "workflow-logins";
    }

    @Override
    public String title() {
        return "Create tfwfowner and tfwfuser with the production passwords where missing";
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        List<String> lines = new ArrayList<>();
        for (RecoveryTargets.WorkflowLogin login : targets.logins()) {
            byte[] sid = login.sid() == null ? new byte[16] : RecoveryStatements.sid(login.sid());
            lines.add("-- only if the login is missing; the SID is the restored user's (production's)");
            lines.add(RecoveryStatements.createLogin(login.name(), "?", login.secretRef(), sid).shown());
        }
        return lines;
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "logins " + String.join(", ", targets.logins().stream().map(RecoveryTargets.WorkflowLogin::name)
                .toList()) + " on " + targets.plan().target().serverName();
    }

    @Override
    public Check check(StepContext context) throws SqlServerFailure {
        List<String> missing = missing(context);
        return missing.isEmpty() ? Check.done("every Workflow login is on " + context.sql().display())
                : Check.needed("missing: " + String.join(", ", missing));
    }

    @Override
    public void act(StepContext context) throws Exception {
        List<DatabaseUser> users = context.sql().users(context.targets().plan().newName());
        for (RecoveryTargets.WorkflowLogin login : context.targets().logins()) {
            Optional<byte[]> existing = context.sql().sqlLoginSid(login.name());
            byte[] sid = sidFor(login, users);
            if (existing.isPresent()) {
                if (sid != null && !Arrays.equals(existing.get(), sid)) {
                    context.remark(login.name() + " exists with another SID (0x" + HexFormat.of().withUpperCase()
                            .formatHex(existing.get()) + "); the orphaned-user step maps the user to it");
                }
                continue;
            }
            if (sid == null) {
                throw new StepFailure("no SID for " + login.name() + ": the restored database has no user of that "
                        + "name and the inventory records none");
            }
            String password = context.world().secret(login.secretRef());
            context.sql().execute(RecoveryStatements.createLogin(login.name(), password, login.secretRef(), sid),
                    percent -> { });
            context.remark("created " + login.name() + " with SID 0x" + HexFormat.of().withUpperCase().formatHex(sid));
        }
    }

    @Override
    public Verification verify(StepContext context) throws SqlServerFailure {
        List<String> missing = missing(context);
        return missing.isEmpty() ? Verification.passed("every Workflow login is on " + context.sql().display())
                : Verification.failed("still missing: " + String.join(", ", missing));
    }

    private static List<String> missing(StepContext context) throws SqlServerFailure {
        List<String> missing = new ArrayList<>();
        for (RecoveryTargets.WorkflowLogin login : context.targets().logins()) {
            if (context.sql().sqlLoginSid(login.name()).isEmpty()) {
                missing.add(login.name());
            }
        }
        return missing;
    }

    /** The restored user's SID (what production had), else the inventory's record of it. */
    private static byte[] sidFor(RecoveryTargets.WorkflowLogin login, List<DatabaseUser> users) {
        return users.stream().filter(u -> u.name().equalsIgnoreCase(login.name()) && "S".equals(u.type()))
                .map(DatabaseUser::sid).findFirst()
                .orElse(login.sid() == null ? null : RecoveryStatements.sid(login.sid()));
    }
}
