package io.wfdr.restore.sqlserver;

/**
 * What SERVERPROPERTY says: {@code ProductVersion} (15.0.4261.1), its major version (15 = SQL Server 2019), the
 * edition, the instance's default data and log folders (ending in the path separator) and the separator.
 */
public record ServerFacts(String productVersion, int majorVersion, String edition, String defaultDataPath,
        String defaultLogPath, String pathSeparator) {
}
