package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;

/**
 * One row of {@code RESTORE HEADERONLY}: {@code backupType} in HEADERONLY's numbers (1 database, 2 log, 5
 * differential, ...), GUIDs upper case, LSNs as numeric(25,0).
 */
public record BackupHeader(int position, int backupType, String backupSetGuid, String databaseName,
        BigDecimal firstLsn, BigDecimal lastLsn, BigDecimal databaseBackupLsn, String differentialBaseGuid,
        boolean copyOnly, boolean damaged, boolean hasChecksums) {

    public static final int DATABASE = 1;
    public static final int LOG = 2;
    public static final int DIFFERENTIAL = 5;
}
