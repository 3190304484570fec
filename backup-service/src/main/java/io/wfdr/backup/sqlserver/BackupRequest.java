package io.wfdr.backup.sqlserver;

import java.time.Instant;
import java.util.Optional;

import io.wfdr.backup.domain.BackupType;

/**
 * Everything that decides the T-SQL of one backup.
 *
 * @param folder                 the backup folder as the SQL Server sees it ({@code D:\Backup}, {@code \\nas\sql},
 *                               or {@code /var/opt/mssql/backup} on Linux)
 * @param encryptionCertificate  a server certificate in master to encrypt with (AES-256), if any
 */
public record BackupRequest(String database, BackupType type, boolean copyOnly, String folder, Instant startedAt,
        boolean compression, boolean checksum, Optional<String> encryptionCertificate) {
}
