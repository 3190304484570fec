package io.wfdr.restore.windows;

import java.nio.file.Path;
import java.util.List;

/**
 * A Windows server for tests outside this package: a real SSH server on loopback with {@link FakeWindows} behind
 * it — its services, its System DSNs, the SQL Servers its ODBC can reach and the logins they accept.
 */
public final class WindowsTestHost implements AutoCloseable {

    public static final String USER = WindowsSshServer.USER;

    private final FakeWindows windows = new FakeWindows();
    private final WindowsSshServer server;

    private WindowsTestHost(Path folder, String password) throws Exception {
        server = WindowsSshServer.start(folder, password, windows);
    }

    public static WindowsTestHost start(Path folder, String password) throws Exception {
        return new WindowsTestHost(folder, password);
    }

    public int port() {
        return server.port();
    }

    public String fingerprint() throws Exception {
        return server.fingerprint();
    }

    public WindowsTestHost service(String name, String status) {
        windows.service(name, status);
        return this;
    }

    public String serviceStatus(String name) {
        return windows.service(name).status;
    }

    public WindowsTestHost dsn(String platform, String name, String server, String database, String login) {
        windows.dsn(platform, name, "SQL Server", server, database, login);
        return this;
    }

    /** The DSN's Server, Database and LastUser as Windows keeps them. */
    public List<String> dsnSettings(String platform, String name) {
        FakeWindows.Dsn dsn = windows.dsn(platform, name);
        return List.of(dsn.attributes.get("Server"), dsn.attributes.get("Database"), dsn.attributes.get("LastUser"));
    }

    public WindowsTestHost reachable(String sqlServer, String login, String password) {
        windows.reachable(sqlServer);
        windows.sqlLogin(login, password);
        return this;
    }

    /** Every script received, with the PowerShell that ran it and its standard input, in order. */
    public List<String> scripts() {
        return windows.received.stream().map(r -> r.powershell() + "\n" + r.script()).toList();
    }

    public List<String> stdins() {
        return windows.received.stream().map(FakeWindows.Received::stdin).toList();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
