package io.wfdr.restore.sqlserver;

import java.util.List;

import io.wfdr.spine.tsql.TSql;

/**
 * The T-SQL the adapter sends to read the target, in one place so that the simulated server in the tests can name
 * the same statements. Values go in as {@code ?} parameters wherever T-SQL takes them; the backup device list of a
 * RESTORE and a database name in a three-part name cannot be parameters, so those are quoted by {@link TSql}.
 */
final class TargetQueries {

    /** PathSeparator is 2017+ and may be NULL, so are the default paths on an instance set up without them. */
    static final String FACTS = "SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)) AS product_version, "
            + "CAST(SERVERPROPERTY('Edition') AS nvarchar(128)) AS edition, "
            + "CAST(SERVERPROPERTY('InstanceDefaultDataPath') AS nvarchar(260)) AS data_path, "
            + "CAST(SERVERPROPERTY('InstanceDefaultLogPath') AS nvarchar(260)) AS log_path, "
            + "CAST(SERVERPROPERTY('PathSeparator') AS nvarchar(1)) AS path_separator, "
            + "(SELECT physical_name FROM sys.master_files WHERE database_id = 1 AND file_id = 1) AS master_data, "
            + "(SELECT physical_name FROM sys.master_files WHERE database_id = 1 AND file_id = 2) AS master_log";

    /** Database names compare case-insensitively even on an instance with a case-sensitive collation. */
    static final String DATABASE = "SELECT name, state_desc, user_access_desc, recovery_model_desc FROM sys.databases "
            + "WHERE name COLLATE Latin1_General_100_CI_AS = ?";

    static final String MASTER_FILES = "SELECT physical_name FROM sys.master_files";

    /** Every volume that holds a database file, with its exact free bytes (2008 R2 SP1+). */
    static final String VOLUMES_OF_DATABASE_FILES = "SELECT DISTINCT vs.volume_mount_point, vs.available_bytes "
            + "FROM sys.master_files AS mf CROSS APPLY sys.dm_os_volume_stats(mf.database_id, mf.file_id) AS vs";

    /** Every volume mounted to a drive letter, free bytes (2017 CU1+; error 208 before). */
    static final String FIXED_DRIVES = "SELECT fixed_drive_path, free_space_in_bytes "
            + "FROM sys.dm_os_enumerate_fixed_drives";

    /** Drive letters and free megabytes (undocumented but present in every version; the last resort on 2016). */
    static final String XP_FIXEDDRIVES = "EXEC master.sys.xp_fixeddrives";

    static final String ENCRYPTOR = "SELECT 1 FROM master.sys.certificates WHERE thumbprint = ? "
            + "UNION ALL SELECT 1 FROM master.sys.asymmetric_keys WHERE thumbprint = ?";

    /**
     * restorehistory.restore_date is the server's local time (datetime, no offset): the UTC bound is turned into
     * local time with the offset the server has now ({@code DATEPART(TZOFFSET, SYSDATETIMEOFFSET())}, one call, so
     * the two clocks cannot straddle a minute). Across a daylight-saving change between {@code since} and now the
     * bound is off by that change.
     */
    static final String RESTORED_SINCE = "SELECT DISTINCT UPPER(CONVERT(nvarchar(36), bs.backup_set_uuid)) AS guid "
            + "FROM msdb.dbo.restorehistory AS rh JOIN msdb.dbo.backupset AS bs ON bs.backup_set_id = rh.backup_set_id "
            + "WHERE rh.destination_database_name = ? "
            + "AND rh.restore_date >= DATEADD(MINUTE, DATEPART(TZOFFSET, SYSDATETIMEOFFSET()), ?)";

    static final String SQL_LOGIN_SID = "SELECT sid FROM sys.server_principals WHERE name = ? AND type = 'S'";

    private TargetQueries() {
    }

    /**
     * The database's users and the login each one maps to by SID. SQL users only when they authenticate at the
     * instance (users WITHOUT LOGIN or contained users can never have a login); Windows users and groups always.
     */
    static String users(String database) {
        return "SELECT dp.name, dp.sid, dp.type, sp.name AS login_name FROM " + TSql.identifier(database)
                + ".sys.database_principals AS dp LEFT JOIN sys.server_principals AS sp ON sp.sid = dp.sid "
                + "WHERE dp.type IN ('S', 'U', 'G') AND dp.name NOT IN ('dbo', 'guest', 'sys', 'INFORMATION_SCHEMA') "
                + "AND (dp.type <> 'S' OR dp.authentication_type = 1) ORDER BY dp.name";
    }

    /** A system procedure called by a database-qualified name runs in that database: the query is a parameter. */
    static String inDatabase(String database) {
        return "EXEC " + TSql.identifier(database) + ".sys.sp_executesql ?";
    }

    static String headerOnly(List<String> files) {
        return "RESTORE HEADERONLY FROM " + disks(files);
    }

    static String fileListOnly(List<String> files, int position) {
        return "RESTORE FILELISTONLY FROM " + disks(files) + " WITH FILE = " + position;
    }

    static String verifyOnly(List<String> files, int position, boolean withChecksum) {
        return "RESTORE VERIFYONLY FROM " + disks(files) + " WITH FILE = " + position
                + (withChecksum ? ", CHECKSUM" : "");
    }

    static String disks(List<String> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("a media set has at least one file");
        }
        return String.join(", ", files.stream().map(f -> "DISK = " + TSql.literal(f)).toList());
    }
}
