package io.wfdr.restore.domain;

/**
 * One verified copy of one stripe of a backup set at an offsite destination: where a SQL Server at the copy's site
 * opens it, and what it must hash to.
 */
public record CopyLocation(String copyId, String backupSetUuid, int stripe, String hostId, String siteId,
        String restorePath, String sha256, long bytes) {
}
