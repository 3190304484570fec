package io.wfdr.restore.sqlserver;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import io.wfdr.restore.domain.RestorePlan;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.tsql.TSql;

/**
 * The statements a database-recovery runbook sends, one at a time: each RESTORE of the plan with its MOVEs as
 * literal paths (the folders read from the server), the final RECOVERY, CREATE LOGIN with the production SID,
 * ALTER USER … WITH LOGIN, DBCC CHECKDB. Every identifier and literal is quoted by {@link TSql}; a password is only
 * in {@link TSqlStatement#sql()}, never in what is shown.
 */
public final class RecoveryStatements {

    static final int STATS_PERCENT = 5;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");

    private RecoveryStatements() {
    }

    /**
     * One RESTORE of the plan, WITH NORECOVERY; the first moves every file, and replaces the database only when an
     * approver agreed to. STOPAT is the plan's UTC point turned into the server's local time on the server.
     */
    public static TSqlStatement restore(RestorePlan plan, RestorePlan.Step step, ServerFacts facts, boolean replace) {
        String what = step.type() == BackupType.LOG ? "LOG" : "DATABASE";
        List<String> disks = step.files().stream().map(f -> "DISK = " + TSql.literal(f.path())).toList();
        List<String> options = new ArrayList<>();
        options.add("FILE = " + step.position());
        if (step.order() == 1) {
            for (RestorePlan.Move move : plan.moves()) {
                options.add("MOVE " + TSql.literal(move.logicalName()) + " TO " + TSql.literal(target(move, facts)));
            }
            if (replace) {
                options.add("REPLACE");
            }
        }
        options.add(step.withChecksum() ? "CHECKSUM" : "NO_CHECKSUM");
        options.add("NORECOVERY");
        String declare = "";
        if (step.stopAt() != null) {
            declare = "DECLARE @stopat datetime2 = DATEADD(MINUTE, DATEDIFF(MINUTE, SYSUTCDATETIME(), SYSDATETIME()), "
                    + "CAST(" + TSql.literal(ISO.format(LocalDateTime.ofInstant(step.stopAt(), ZoneOffset.UTC)))
                    + " AS datetime2));\n";
            options.add("STOPAT = @stopat");
        }
        options.add("STATS = " + STATS_PERCENT);
        return TSqlStatement.of(declare + "RESTORE " + what + " " + TSql.identifier(plan.newName()) + " FROM "
                + String.join(", ", disks) + " WITH " + String.join(", ", options) + ";");
    }

    public static TSqlStatement recover(String database) {
        return TSqlStatement.of("RESTORE DATABASE " + TSql.identifier(database) + " WITH RECOVERY;");
    }

    /** Where a logical file goes: the plan's folder, or the instance's default data or log folder. */
    public static String target(RestorePlan.Move move, ServerFacts facts) {
        String folder = move.folder() != null ? move.folder()
                : "L".equals(move.fileType()) ? facts.defaultLogPath() : facts.defaultDataPath();
        String separator = folder.startsWith("/") ? "/" : facts.pathSeparator() == null ? "\\" : facts.pathSeparator();
        return (folder.endsWith(separator) ? folder : folder + separator) + move.physicalName();
    }

    /** CREATE LOGIN with the password from its secret (shown as the reference) and the SID production's user has. */
    public static TSqlStatement createLogin(String login, String password, String secretRef, byte[] sid) {
        String head = "CREATE LOGIN " + TSql.identifier(login) + " WITH PASSWORD = ";
        String tail = ", SID = 0x" + HexFormat.of().withUpperCase().formatHex(sid) + ";";
        return new TSqlStatement(head + TSql.literal(password) + tail, head + "N'<secret " + secretRef + ">'" + tail);
    }

    /** What {@code sp_change_users_login 'Auto_Fix'} did, without its deprecation: the user mapped to its login. */
    public static TSqlStatement mapUser(String database, String user, String login) {
        return TSqlStatement.of("USE " + TSql.identifier(database) + "; ALTER USER " + TSql.identifier(user)
                + " WITH LOGIN = " + TSql.identifier(login) + ";");
    }

    /** The guide's own statement for the same repair, shown for reference only. */
    public static String legacyAutoFix(String login) {
        return "-- the guide's legacy equivalent: EXEC sp_change_users_login 'Auto_Fix', " + TSql.literal(login)
                .substring(1) + ", NULL, " + TSql.literal(login).substring(1);
    }

    public static TSqlStatement checkDb(String database, String mode) {
        String options = "FULL".equals(mode.toUpperCase(Locale.ROOT)) ? "NO_INFOMSGS" : "PHYSICAL_ONLY, NO_INFOMSGS";
        return TSqlStatement.of("DBCC CHECKDB (" + TSql.identifier(database) + ") WITH " + options + ";");
    }

    public static byte[] sid(String hex) {
        String digits = hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(digits);
    }
}
