package io.wfdr.backup.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Where copies of the backup files go: a directory (a mounted share or any path) on a machine of the inventory. */
@Embeddable
public class OffsiteDestination {

    @Column(nullable = false)
    public String path;

    @Column(name = "host_id", nullable = false)
    public String hostId;

    /** Where SQL Servers at the destination's site open the same folder (UNC or local); null: {@link #path}. */
    @Column(name = "sql_server_path")
    public String sqlServerPath;

    public OffsiteDestination() {
    }

    public OffsiteDestination(String path, String hostId, String sqlServerPath) {
        this.path = path;
        this.hostId = hostId;
        this.sqlServerPath = sqlServerPath;
    }

    /** A file in this folder as a SQL Server at the destination's site names it. */
    public String restorePathOf(String fileName) {
        String folder = sqlServerPath == null ? path : sqlServerPath;
        String separator = folder.startsWith("/") ? "/" : folder.contains("\\") ? "\\" : "/";
        return folder.endsWith(separator) ? folder + fileName : folder + separator + fileName;
    }
}
