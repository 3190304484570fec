package io.wfdr.backup.sqlserver;

import java.time.Instant;
import java.util.Optional;

import io.wfdr.spine.contract.BackupType;

/**
 * Everything that decides the T-SQL of one backup.
 *
 * @param server                 the server (and instance) the backup runs on, as part of the file's name
 * @param folder                 the backup folder as the SQL Server sees it ({@code D:\Backup}, {@code \\nas\sql},
 *                               or {@code /var/opt/mssql/backup} on Linux)
 * @param operationId            the operation that runs it: the file's name and the media set's name carry it,
 *                               so no two backups ever share a file
 * @param encryptionCertificate  a server certificate in master to encrypt with (AES-256), if any
 * @param maxTransferSize        bytes per transfer, a multiple of 64 KB up to 4 MB (above 64 KB compresses TDE
 *                               databases well), or empty for SQL Server's default
 * @param bufferCount            I/O buffers, or empty for SQL Server's default
 */
public record BackupRequest(String server, String database, BackupType type, boolean copyOnly, String folder,
        Instant startedAt, String operationId, boolean compression, boolean checksum,
        Optional<String> encryptionCertificate, Optional<Integer> maxTransferSize, Optional<Integer> bufferCount) {

    /** A backup with the safe defaults: checksum and compression on, no encryption, SQL Server's buffer sizes. */
    public static BackupRequest of(String server, String database, BackupType type, boolean copyOnly, String folder,
            Instant startedAt, String operationId) {
        return new BackupRequest(server, database, type, copyOnly, folder, startedAt, operationId, true, true,
                Optional.empty(), Optional.empty(), Optional.empty());
    }
}
