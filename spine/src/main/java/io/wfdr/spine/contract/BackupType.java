package io.wfdr.spine.contract;

/**
 * The backups the guide schedules: full, differential (everything changed since the last full), and transaction
 * log backups where the recovery model allows them. The letters are msdb.dbo.backupset.type.
 */
public enum BackupType {
    FULL("D"),
    DIFFERENTIAL("I"),
    LOG("L");

    public final String msdbType;

    BackupType(String msdbType) {
        this.msdbType = msdbType;
    }

    public static BackupType ofMsdb(String msdbType) {
        for (BackupType type : values()) {
            if (type.msdbType.equals(msdbType)) {
                return type;
            }
        }
        throw new IllegalArgumentException("not a database, differential or log backup: " + msdbType);
    }
}
