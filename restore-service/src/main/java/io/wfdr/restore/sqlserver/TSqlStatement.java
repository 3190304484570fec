package io.wfdr.restore.sqlserver;

/**
 * A statement as it runs ({@code sql}) and as scripts, logs, failures and the audit trail show it ({@code shown}):
 * the same text with every secret replaced, e.g. {@code PASSWORD = N'<secret env:TFWFOWNER_PASSWORD>'}.
 */
public record TSqlStatement(String sql, String shown) {

    public static TSqlStatement of(String sql) {
        return new TSqlStatement(sql, sql);
    }

    @Override
    public String toString() {
        return shown;
    }
}
