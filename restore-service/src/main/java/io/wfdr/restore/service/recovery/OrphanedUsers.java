package io.wfdr.restore.service.recovery;

import java.util.ArrayList;
import java.util.List;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.sqlserver.DatabaseUser;
import io.wfdr.restore.sqlserver.RecoveryStatements;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * Guide step 4: the restored database's SQL users whose SID no login carries are mapped to the login of their name
 * with {@code ALTER USER … WITH LOGIN} — what the guide's {@code sp_change_users_login 'Auto_Fix'} does, without its
 * deprecation. Mapping a user again changes nothing, so the step is repeatable.
 */
final class OrphanedUsers implements RecoveryStep {

    @Override
    public String name() {
        return "orphaned-users";
    }

    @Override
    public String title() {
        return "Fix orphaned users in the restored database";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        List<String> lines = new ArrayList<>();
        for (RecoveryTargets.WorkflowLogin login : targets.logins()) {
            lines.add("-- only if " + login.name() + " is orphaned");
            lines.add(RecoveryStatements.mapUser(targets.plan().newName(), login.name(), login.name()).shown());
            lines.add(RecoveryStatements.legacyAutoFix(login.name()));
        }
        return lines;
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "orphaned SQL users in " + targets.plan().newName();
    }

    @Override
    public Check check(StepContext context) throws SqlServerFailure {
        List<DatabaseUser> orphans = orphans(context);
        return orphans.isEmpty() ? Check.done("no orphaned SQL user in " + context.targets().plan().newName())
                : Check.needed("orphaned: " + names(orphans));
    }

    @Override
    public void act(StepContext context) throws SqlServerFailure {
        String database = context.targets().plan().newName();
        for (DatabaseUser user : orphans(context)) {
            if (context.sql().sqlLoginSid(user.name()).isPresent()) {
                context.sql().execute(RecoveryStatements.mapUser(database, user.name(), user.name()), p -> { });
                context.remark("mapped user " + user.name() + " to login " + user.name());
            } else {
                context.remark("user " + user.name() + " has no login of its name on " + context.sql().display()
                        + "; left orphaned");
            }
        }
    }

    @Override
    public Verification verify(StepContext context) throws SqlServerFailure {
        List<String> workflowOrphans = orphans(context).stream().map(DatabaseUser::name)
                .filter(name -> context.targets().logins().stream().anyMatch(l -> l.name().equalsIgnoreCase(name)))
                .toList();
        return workflowOrphans.isEmpty() ? Verification.passed("the Workflow users are mapped to their logins")
                : Verification.failed("still orphaned: " + String.join(", ", workflowOrphans));
    }

    private static List<DatabaseUser> orphans(StepContext context) throws SqlServerFailure {
        return context.sql().users(context.targets().plan().newName()).stream()
                .filter(u -> u.orphaned() && "S".equals(u.type())).toList();
    }

    private static String names(List<DatabaseUser> users) {
        return String.join(", ", users.stream().map(DatabaseUser::name).toList());
    }
}
