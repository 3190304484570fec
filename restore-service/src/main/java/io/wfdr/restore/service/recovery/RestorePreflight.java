package io.wfdr.restore.service.recovery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.wfdr.restore.domain.RecoveryTargets;
import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.restore.sqlserver.BackupFile;
import io.wfdr.restore.sqlserver.BackupHeader;
import io.wfdr.restore.sqlserver.DatabaseState;
import io.wfdr.restore.sqlserver.RecoveryStatements;
import io.wfdr.restore.sqlserver.ServerFacts;
import io.wfdr.restore.sqlserver.TargetSqlServer;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * Before anything is written on the DR SQL Server: it answers; its version is not lower than the source's; there is
 * room for every file; the new name and every target path are free (or REPLACE was approved); the certificates of
 * encrypted backups are in master; every file is readable and holds the expected backup set (HEADERONLY by
 * BackupSetGUID, VERIFYONLY WITH CHECKSUM where the backup has checksums). It only reads, so it is run again freely.
 */
final class RestorePreflight implements RecoveryStep {

    @Override
    public String name() {
        return "preflight";
    }

    @Override
    public String title() {
        return "Preflight on the DR SQL Server";
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    @Override
    public List<String> script(RecoveryTargets targets) {
        List<String> lines = new ArrayList<>();
        lines.add("SELECT SERVERPROPERTY('ProductVersion'), SERVERPROPERTY('InstanceDefaultDataPath'), "
                + "SERVERPROPERTY('InstanceDefaultLogPath'); -- and sys.databases, sys.master_files, free space");
        for (RestorePlan.Step step : targets.plan().steps()) {
            String disks = String.join(", ", step.files().stream().map(f -> "DISK = N'" + f.path()
                    .replace("'", "''") + "'").toList());
            lines.add("RESTORE HEADERONLY FROM " + disks + ";");
            lines.add("RESTORE VERIFYONLY FROM " + disks + " WITH FILE = " + step.position()
                    + (step.withChecksum() ? ", CHECKSUM;" : ";"));
        }
        return lines;
    }

    @Override
    public String input(RecoveryTargets targets) {
        return "check " + targets.plan().target().serverName() + " for " + targets.plan().newName() + " and "
                + targets.plan().steps().size() + " backup sets";
    }

    @Override
    public Check check(StepContext context) {
        return Check.needed("a preflight is run every time");
    }

    @Override
    public void act(StepContext context) throws Exception {
        TargetSqlServer sql = context.sql();
        ServerFacts facts;
        try {
            facts = sql.facts();
        } catch (SqlServerFailure e) {
            throw new StepFailure(sql.display() + " does not answer: " + e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        version(context.targets(), facts, problems);
        nameAndPaths(context, facts, problems);
        encryptors(context, problems);
        context.progress(20);
        space(context, facts, problems);
        backups(context, problems);
        if (!problems.isEmpty()) {
            throw new StepFailure(String.join("; ", problems));
        }
    }

    @Override
    public Verification verify(StepContext context) {
        return Verification.passed(context.sql().display() + " can take " + context.targets().plan().newName());
    }

    static void version(RecoveryTargets targets, ServerFacts facts, List<String> problems) {
        if (targets.sourceVersion() != null && major(targets.sourceVersion()) > facts.majorVersion()) {
            problems.add("the DR SQL Server runs " + facts.productVersion() + ", older than the backups' "
                    + targets.sourceVersion() + " (a backup never restores on an older version)");
        }
    }

    private static void nameAndPaths(StepContext context, ServerFacts facts, List<String> problems)
            throws SqlServerFailure {
        RestorePlan plan = context.targets().plan();
        boolean replace = context.targets().options().replace();
        Optional<DatabaseState> existing = context.sql().database(plan.newName());
        if (existing.isPresent() && !replace && !"RESTORING".equals(existing.get().state())) {
            problems.add(plan.newName() + " already exists on " + plan.target().serverName()
                    + " (restoring over it needs REPLACE, approved)");
        }
        List<String> paths = plan.moves().stream().map(m -> RecoveryStatements.target(m, facts)).toList();
        List<String> used = context.sql().pathsInUse(paths);
        if (!used.isEmpty() && existing.isEmpty()) {
            problems.add("files another database uses: " + String.join(", ", used));
        }
    }

    private static void encryptors(StepContext context, List<String> problems) throws SqlServerFailure {
        for (String thumbprint : context.targets().encryptors()) {
            if (!context.sql().hasEncryptor(thumbprint)) {
                problems.add("master has no certificate or key with thumbprint " + thumbprint
                        + " (the encrypted backups cannot be read)");
            }
        }
    }

    private static void space(StepContext context, ServerFacts facts, List<String> problems) throws SqlServerFailure {
        RestorePlan plan = context.targets().plan();
        RestorePlan.Step full = plan.steps().get(0);
        List<String> files = full.files().stream().map(RestorePlan.StepFile::path).toList();
        Map<String, Long> needed = new LinkedHashMap<>();
        for (BackupFile file : context.sql().fileListOnly(files, full.position())) {
            plan.moves().stream().filter(m -> m.logicalName().equalsIgnoreCase(file.logicalName())).findFirst()
                    .ifPresent(m -> needed.merge(folderOf(RecoveryStatements.target(m, facts)), file.sizeBytes(),
                            Long::sum));
        }
        for (Map.Entry<String, Long> folder : needed.entrySet()) {
            long free = context.sql().freeBytes(folder.getKey());
            if (free < folder.getValue()) {
                problems.add(folder.getKey() + " has " + free + " bytes free, the restored files need "
                        + folder.getValue());
            }
        }
    }

    private static void backups(StepContext context, List<String> problems) throws SqlServerFailure {
        List<RestorePlan.Step> steps = context.targets().plan().steps();
        for (int i = 0; i < steps.size(); i++) {
            RestorePlan.Step step = steps.get(i);
            List<String> files = step.files().stream().map(RestorePlan.StepFile::path).toList();
            try {
                List<BackupHeader> headers = context.sql().headerOnly(files);
                boolean expected = headers.stream().anyMatch(h -> h.position() == step.position()
                        && h.backupSetGuid().equalsIgnoreCase(step.backupSetUuid()) && !h.damaged());
                if (!expected) {
                    problems.add(String.join(", ", files) + " does not hold backup set " + step.backupSetUuid()
                            + " at position " + step.position());
                    continue;
                }
                context.sql().verifyOnly(files, step.position(), step.withChecksum());
            } catch (SqlServerFailure e) {
                problems.add(String.join(", ", files) + ": " + e.cause().message() + " (Msg " + e.cause().number()
                        + ")");
            }
            context.progress(20 + 80 * (i + 1) / steps.size());
        }
    }

    private static String folderOf(String path) {
        int cut = Math.max(path.lastIndexOf('\\'), path.lastIndexOf('/'));
        return cut < 0 ? path : path.substring(0, cut + 1);
    }

    static int major(String version) {
        try {
            return Integer.parseInt(version.toLowerCase(Locale.ROOT).split("\\.")[0].trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
