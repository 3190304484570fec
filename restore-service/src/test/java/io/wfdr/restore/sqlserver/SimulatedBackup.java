package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One backup set as production wrote it, with what the restore rules look at: its type in HEADERONLY's numbers,
 * the source database, its LSN range, the full a differential is based on, the recovery fork it starts and ends on,
 * checksums, the logical files (what FILELISTONLY lists and a full restore creates), the users the database held,
 * and the newest Workflow activity it contains. Plain values, so a test can write it down and read it back.
 */
public record SimulatedBackup(int backupType, String databaseName, String backupSetGuid, BigDecimal firstLsn,
        BigDecimal lastLsn, BigDecimal databaseBackupLsn, String differentialBaseGuid, String firstForkGuid,
        String lastForkGuid, boolean hasChecksums, boolean copyOnly, String recoveryModel, List<BackupFile> files,
        List<SimulatedUser> users, Instant newestActivity) {

    public SimulatedBackup {
        files = List.copyOf(files);
        users = List.copyOf(users);
    }

    BackupHeader header(int position) {
        return new BackupHeader(position, backupType, backupSetGuid, databaseName, firstLsn, lastLsn,
                databaseBackupLsn, differentialBaseGuid, copyOnly, false, hasChecksums);
    }

    boolean isLog() {
        return backupType == BackupHeader.LOG;
    }

    public SimulatedBackup withoutChecksums() {
        return new SimulatedBackup(backupType, databaseName, backupSetGuid, firstLsn, lastLsn, databaseBackupLsn,
                differentialBaseGuid, firstForkGuid, lastForkGuid, false, copyOnly, recoveryModel, files, users,
                newestActivity);
    }
}
