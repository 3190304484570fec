package io.wfdr.restore.windows;

/**
 * What a System DSN points at: its driver, the SQL Server, the default database and the login last used
 * ({@code LastUser}, what the ODBC administrator pre-fills); platform is {@code 32-bit} or {@code 64-bit}.
 */
public record DsnSettings(String name, String platform, String driver, String server, String database, String login) {
}
