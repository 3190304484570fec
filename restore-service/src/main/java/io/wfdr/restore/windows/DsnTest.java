package io.wfdr.restore.windows;

/**
 * The outcome of opening a connection through a DSN, as the ODBC administrator's "Test Connection" does: where it
 * landed ({@code @@SERVERNAME}, {@code DB_NAME()}) or the ODBC error.
 */
public record DsnTest(boolean connected, String server, String database, String error) {
}
