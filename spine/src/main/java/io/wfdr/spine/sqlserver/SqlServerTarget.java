package io.wfdr.spine.sqlserver;

import java.util.regex.Pattern;

/**
 * Where a database server listens: a host (a DNS or NetBIOS name, or an IP address), a port or a named instance,
 * and its TLS settings. The host comes from another service's events, so it is checked here: a name that could
 * carry connection properties ({@code ;}, {@code =}, spaces, ...) never reaches the driver.
 */
public record SqlServerTarget(String host, int port, String instanceName, boolean encrypt,
        boolean trustServerCertificate) {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]{2,45}]?");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z0-9_$#-]{1,16}");

    public SqlServerTarget {
        if (!isHostName(host)) {
            throw new IllegalArgumentException("not a DNS or NetBIOS name or an IP address: " + host);
        }
        if (instanceName != null && !INSTANCE.matcher(instanceName).matches()) {
            throw new IllegalArgumentException("not a SQL Server instance name: " + instanceName);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("not a TCP port: " + port);
        }
    }

    /** A DNS name of dot-separated labels (at most 253 characters), a NetBIOS name, or an IPv4/IPv6 address. */
    public static boolean isHostName(String host) {
        if (host == null || host.isEmpty() || host.length() > 253) {
            return false;
        }
        if (IPV4.matcher(host).matches() || (host.contains(":") && IPV6.matcher(host).matches())) {
            return true;
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A data source for {@code master} on this server, its properties set one by one (never written into a URL, so
     * no value can add a property of its own), with no query timeout: a finite one would abort a long RESTORE or
     * BACKUP half-way. The password is set here, when connecting, and nowhere kept.
     */
    public com.microsoft.sqlserver.jdbc.SQLServerDataSource masterDataSource(String applicationName, String user,
            String password) {
        com.microsoft.sqlserver.jdbc.SQLServerDataSource source = new com.microsoft.sqlserver.jdbc.SQLServerDataSource();
        source.setServerName(host);
        if (instanceName == null) {
            source.setPortNumber(port);
        } else {
            source.setInstanceName(instanceName);
        }
        source.setDatabaseName("master");
        source.setEncrypt(Boolean.toString(encrypt));
        source.setTrustServerCertificate(trustServerCertificate);
        source.setApplicationName(applicationName);
        source.setQueryTimeout(-1);
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /** How logs and messages name the server, e.g. {@code SQLPROD01\WORKFLOW} or {@code SQLPROD01:1433}. */
    public String display() {
        return instanceName == null ? host + ":" + port : host + "\\" + instanceName;
    }
}
