package io.wfdr.backup.sqlserver;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.contract.BackupType;

/**
 * Reads backup sets from msdb with everything a restore needs: backupset (chain fields, flags, sizes, encryption,
 * the database's identity), backupmediaset and every row of backupmediafamily (all stripes, all mirrors), and
 * backupfile (the logical files). msdb keeps local times; they are turned into UTC with the backup's own
 * {@code time_zone} (15-minute steps), never with the server's offset of today.
 */
final class MsdbHistory {

    private static final String COLUMNS = """
            SELECT b.backup_set_id, b.backup_set_uuid, b.database_name, b.type, b.is_copy_only, b.position,
                   b.first_lsn, b.last_lsn, b.checkpoint_lsn, b.database_backup_lsn, b.differential_base_lsn,
                   b.differential_base_guid, b.first_recovery_fork_guid, b.last_recovery_fork_guid, b.fork_point_lsn,
                   b.begins_log_chain, b.has_bulk_logged_data, b.is_snapshot, b.is_damaged, b.is_password_protected,
                   b.has_backup_checksums, b.backup_start_date, b.backup_finish_date, b.time_zone, b.backup_size,
                   b.compressed_backup_size, b.key_algorithm, b.encryptor_type, b.encryptor_thumbprint,
                   b.database_guid, b.family_guid, b.server_name, b.machine_name, b.recovery_model,
                   b.compatibility_level, b.software_major_version, b.software_minor_version,
                   b.software_build_version, b.collation_name, b.media_set_id, m.media_family_count, m.mirror_count,
                   DATEDIFF(MINUTE, GETUTCDATE(), GETDATE()) AS offset_now
              FROM msdb.dbo.backupset b
              JOIN msdb.dbo.backupmediaset m ON m.media_set_id = b.media_set_id
            """;

    static final String HISTORY = COLUMNS + """
             WHERE b.database_name = ? AND b.backup_finish_date >= DATEADD(MINUTE, -?, GETDATE())
               AND b.type IN ('D', 'I', 'L')
             ORDER BY b.backup_finish_date, b.first_lsn""";

    /** The backup sets in the media set that a file belongs to: how an operation finds its own backup. */
    static final String IN_FILE = COLUMNS + """
             WHERE b.media_set_id IN (SELECT f.media_set_id FROM msdb.dbo.backupmediafamily f
                                       WHERE f.physical_device_name = ?)
               AND b.type IN ('D', 'I', 'L')
             ORDER BY b.position""";

    static final String MEDIA = """
            SELECT f.family_sequence_number, f.mirror, f.device_type, f.physical_device_name
              FROM msdb.dbo.backupmediafamily f
             WHERE f.media_set_id = ?
             ORDER BY f.mirror, f.family_sequence_number""";

    static final String FILES = """
            SELECT bf.file_number, bf.logical_name, bf.file_type, bf.filegroup_name, bf.file_size, bf.physical_name
              FROM msdb.dbo.backupfile bf
             WHERE bf.backup_set_id = ?
             ORDER BY bf.file_number""";

    private static final int UNKNOWN_TIME_ZONE = 127;

    private MsdbHistory() {
    }

    static List<BackupSet> read(Connection connection, PreparedStatement query) throws SQLException {
        List<BackupSet> sets = new ArrayList<>();
        try (ResultSet rows = query.executeQuery();
                PreparedStatement media = connection.prepareStatement(MEDIA);
                PreparedStatement files = connection.prepareStatement(FILES)) {
            while (rows.next()) {
                sets.add(backupSet(rows, media(media, rows), files(files, rows.getInt("backup_set_id"))));
            }
        }
        return sets;
    }

    static BackupSet backupSet(ResultSet r, BackupSet.Media media, List<BackupSet.LogicalFile> files)
            throws SQLException {
        int timeZone = r.getInt("time_zone");
        Integer offset = offsetMinutes(r.wasNull() ? null : timeZone);
        int offsetUsed = offset == null ? r.getInt("offset_now") : offset;
        return new BackupSet(r.getString("backup_set_uuid"), r.getString("database_name"),
                BackupType.ofMsdb(r.getString("type")), r.getBoolean("is_copy_only"), r.getInt("position"),
                r.getBigDecimal("first_lsn"), r.getBigDecimal("last_lsn"), r.getBigDecimal("checkpoint_lsn"),
                r.getBigDecimal("database_backup_lsn"), r.getBigDecimal("differential_base_lsn"),
                upper(r.getString("differential_base_guid")), upper(r.getString("first_recovery_fork_guid")),
                upper(r.getString("last_recovery_fork_guid")), r.getBigDecimal("fork_point_lsn"),
                r.getBoolean("begins_log_chain"), r.getBoolean("has_bulk_logged_data"), r.getBoolean("is_snapshot"),
                r.getBoolean("is_damaged"), r.getBoolean("is_password_protected"),
                r.getBoolean("has_backup_checksums"), utc(r, "backup_start_date", offsetUsed),
                utc(r, "backup_finish_date", offsetUsed), offset, bytes(r.getBigDecimal("backup_size")),
                bytes(r.getBigDecimal("compressed_backup_size")), media, files, encryption(r), source(r));
    }

    private static java.time.Instant utc(ResultSet r, String column, int offsetMinutes) throws SQLException {
        return utc(r.getObject(column, LocalDateTime.class), offsetMinutes);
    }

    /** msdb's local time of a backup as UTC: local = UTC + offset. */
    static java.time.Instant utc(LocalDateTime local, int offsetMinutes) {
        return local == null ? null : local.minusMinutes(offsetMinutes).toInstant(ZoneOffset.UTC);
    }

    /** backupset.time_zone is in 15-minute steps from UTC; 127 (or NULL) means msdb did not know it. */
    static Integer offsetMinutes(Integer timeZone) {
        return timeZone == null || timeZone == UNKNOWN_TIME_ZONE ? null : timeZone * 15;
    }

    private static BackupSet.Media media(PreparedStatement query, ResultSet set) throws SQLException {
        query.setInt(1, set.getInt("media_set_id"));
        List<BackupSet.MediaFile> files = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                files.add(new BackupSet.MediaFile(rows.getInt("family_sequence_number"), rows.getInt("mirror"),
                        rows.getInt("device_type"), rows.getString("physical_device_name")));
            }
        }
        boolean disk = !files.isEmpty() && files.stream().allMatch(f -> f.deviceType() == BackupSet.DISK);
        return new BackupSet.Media(set.getInt("media_family_count"), set.getInt("mirror_count"),
                disk && !set.getBoolean("is_snapshot"), files);
    }

    private static List<BackupSet.LogicalFile> files(PreparedStatement query, int backupSetId) throws SQLException {
        query.setInt(1, backupSetId);
        List<BackupSet.LogicalFile> files = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                files.add(new BackupSet.LogicalFile(rows.getBigDecimal("file_number").longValueExact(),
                        rows.getString("logical_name"), rows.getString("file_type"), rows.getString("filegroup_name"),
                        bytes(rows.getBigDecimal("file_size")), rows.getString("physical_name")));
            }
        }
        return files;
    }

    private static BackupSet.Encryption encryption(ResultSet r) throws SQLException {
        String algorithm = r.getString("key_algorithm");
        if (algorithm == null || "NO_Encryption".equalsIgnoreCase(algorithm)) {
            return null;
        }
        byte[] thumbprint = r.getBytes("encryptor_thumbprint");
        return new BackupSet.Encryption(algorithm, r.getString("encryptor_type"),
                thumbprint == null ? null : "0x" + HexFormat.of().withUpperCase().formatHex(thumbprint));
    }

    private static BackupSet.SourceDatabase source(ResultSet r) throws SQLException {
        int level = r.getInt("compatibility_level");
        Integer compatibility = r.wasNull() ? null : level;
        String version = r.getInt("software_major_version") + "." + r.getInt("software_minor_version") + "."
                + r.getInt("software_build_version");
        return new BackupSet.SourceDatabase(null, null, null, upper(r.getString("database_guid")),
                upper(r.getString("family_guid")), r.getString("server_name"), r.getString("machine_name"),
                r.getString("recovery_model"), compatibility, version, r.getString("collation_name"));
    }

    /** numeric(20,0): read as BigDecimal (getLong would wrap silently on overflow), then checked into a long. */
    private static long bytes(BigDecimal value) {
        return value == null ? 0 : value.longValueExact();
    }

    private static String upper(String guid) {
        return guid == null ? null : guid.toUpperCase(java.util.Locale.ROOT);
    }
}
