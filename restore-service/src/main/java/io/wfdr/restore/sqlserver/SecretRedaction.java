package io.wfdr.restore.sqlserver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.wfdr.spine.sqlserver.SqlServerError;
import io.wfdr.spine.sqlserver.SqlServerFailure;

/**
 * Keeps a statement's secrets out of failure text. SQL Server's messages can quote the statement ("Incorrect syntax
 * near 'S3cret!'"), so for a statement whose {@code sql} differs from what it {@code shows}, every literal and hex
 * value in the part that differs is replaced by {@code <secret>} in each error, and the driver's exception (which
 * carries the raw messages) is not kept as the cause.
 */
final class SecretRedaction {

    static final String MASK = "<secret>";
    private static final Pattern TOKEN = Pattern.compile("N?'((?:[^']|'')*)'|0[xX][0-9A-Fa-f]+");

    private SecretRedaction() {
    }

    static SqlServerFailure failure(TSqlStatement statement, java.sql.SQLException exception) {
        SqlServerFailure raw = SqlServerFailure.from(statement.shown(), exception);
        if (statement.sql().equals(statement.shown())) {
            return raw;
        }
        List<String> secrets = secretsOf(statement);
        List<SqlServerError> errors = raw.errors().stream()
                .map(e -> new SqlServerError(e.number(), e.severity(), redact(e.message(), secrets))).toList();
        return new SqlServerFailure(statement.shown(), errors, null);
    }

    /**
     * The values only {@code sql} holds: every quoted literal and hex value that overlaps the part of {@code sql}
     * that differs from {@code shown}, longest first so that no part of one is left behind by a shorter one.
     */
    static List<String> secretsOf(TSqlStatement statement) {
        String sql = statement.sql();
        String shown = statement.shown();
        int prefix = 0;
        while (prefix < Math.min(sql.length(), shown.length()) && sql.charAt(prefix) == shown.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < Math.min(sql.length(), shown.length()) - prefix
                && sql.charAt(sql.length() - 1 - suffix) == shown.charAt(shown.length() - 1 - suffix)) {
            suffix++;
        }
        int end = sql.length() - suffix;
        List<String> secrets = new ArrayList<>();
        if (end <= prefix) {
            return secrets;
        }
        for (Matcher token = TOKEN.matcher(sql); token.find(); ) {
            if (token.end() > prefix && token.start() < end) {
                if (token.group(1) == null) {
                    secrets.add(token.group());
                    secrets.add(token.group().substring(2));
                } else if (!token.group(1).isEmpty()) {
                    secrets.add(token.group(1));
                    secrets.add(token.group(1).replace("''", "'"));
                }
            }
        }
        if (secrets.isEmpty()) {
            secrets.add(sql.substring(prefix, end));
        }
        secrets.sort(Comparator.comparingInt(String::length).reversed());
        return secrets;
    }

    static String redact(String message, List<String> secrets) {
        if (message == null) {
            return null;
        }
        String redacted = message;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, MASK);
        }
        return redacted;
    }
}
