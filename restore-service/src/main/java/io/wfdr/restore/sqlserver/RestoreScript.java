package io.wfdr.restore.sqlserver;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.tsql.TSql;

/**
 * A plan as the T-SQL a DBA can paste into SSMS and run on the target: the full, the differential and the logs
 * {@code WITH NORECOVERY} (the full moving every file), {@code STOPAT} on the last log, then {@code WITH RECOVERY}.
 * Every identifier and literal is quoted by {@link TSql}. MOVE targets and STOPAT are variables: the instance's
 * default folders are read from SERVERPROPERTY, and STOPAT, which SQL Server reads in its local time, is turned
 * from the plan's UTC with the server's current offset.
 */
public final class RestoreScript {

    static final int STATS_PERCENT = 5;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private RestoreScript() {
    }

    public static String of(RestorePlan plan) {
        List<String> lines = new ArrayList<>();
        lines.add("-- wfdr restore plan " + plan.id() + ": " + plan.databaseName() + " as " + plan.newName() + " on "
                + plan.target().serverName() + ", to " + plan.pointInTime() + " (" + plan.restoresTo() + " UTC)");
        lines.add("-- run on " + plan.target().serverName() + " in master, outside any transaction");
        lines.add("DECLARE @data nvarchar(260) = CAST(SERVERPROPERTY('InstanceDefaultDataPath') AS nvarchar(260));");
        lines.add("DECLARE @log nvarchar(260) = CAST(SERVERPROPERTY('InstanceDefaultLogPath') AS nvarchar(260));");
        for (int i = 0; i < plan.moves().size(); i++) {
            RestorePlan.Move move = plan.moves().get(i);
            String folder = move.folder() == null ? ("L".equals(move.fileType()) ? "@log" : "@data")
                    : TSql.literal(withSeparator(move.folder()));
            lines.add("DECLARE @move" + (i + 1) + " nvarchar(260) = " + folder + " + " + TSql.literal(move.physicalName())
                    + ";");
        }
        RestorePlan.Step last = plan.steps().get(plan.steps().size() - 1);
        if (last.stopAt() != null) {
            lines.add("-- STOPAT is read in the server's local time: the plan's UTC point, at the server's offset now");
            lines.add("DECLARE @stopat datetime2 = DATEADD(MINUTE, DATEDIFF(MINUTE, SYSUTCDATETIME(), SYSDATETIME()), "
                    + "CAST(" + TSql.literal(ISO.format(LocalDateTime.ofInstant(last.stopAt(), ZoneOffset.UTC)))
                    + " AS datetime2));");
        }
        for (RestorePlan.Step step : plan.steps()) {
            lines.add(restore(plan, step));
        }
        lines.add("RESTORE DATABASE " + TSql.identifier(plan.newName()) + " WITH RECOVERY;");
        return String.join("\n", lines) + "\n";
    }

    static String restore(RestorePlan plan, RestorePlan.Step step) {
        String what = step.type() == BackupType.LOG ? "LOG" : "DATABASE";
        List<String> disks = step.files().stream().map(f -> "DISK = " + TSql.literal(f.path())).toList();
        List<String> options = new ArrayList<>();
        options.add("FILE = " + step.position());
        if (step.order() == 1) {
            for (int i = 0; i < plan.moves().size(); i++) {
                options.add("MOVE " + TSql.literal(plan.moves().get(i).logicalName()) + " TO @move" + (i + 1));
            }
        }
        options.add(step.withChecksum() ? "CHECKSUM" : "NO_CHECKSUM");
        options.add("NORECOVERY");
        if (step.stopAt() != null) {
            options.add("STOPAT = @stopat");
        }
        options.add("STATS = " + STATS_PERCENT);
        return "RESTORE " + what + " " + TSql.identifier(plan.newName()) + " FROM " + String.join(", ", disks)
                + " WITH " + String.join(", ", options) + ";";
    }

    private static String withSeparator(String folder) {
        String separator = folder.startsWith("/") ? "/" : "\\";
        return folder.endsWith(separator) ? folder : folder + separator;
    }
}
