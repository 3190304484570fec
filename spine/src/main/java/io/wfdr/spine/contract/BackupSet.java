package io.wfdr.spine.contract;

import static com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One backup set as SQL Server's msdb knows it, with everything a restore needs without asking anyone: the chain
 * fields of msdb.dbo.backupset, every file of every media family and mirror (backupmediafamily), the logical files
 * a {@code MOVE} needs (backupfile), the encryption a DR server must be able to open, and the database it came
 * from. This is the public contract of {@code wfdr.backup.*} events and of the manifests next to offsite copies.
 * <p>
 * LSNs are numeric(25,0) and sizes numeric(20,0): they stay {@link BigDecimal} / long and travel as decimal
 * strings, since a JSON number read as a double loses digits. Compare LSNs with {@code compareTo}; GUIDs are
 * upper-case and compared case-insensitively. An unencrypted backup has no {@code encryption}, one whose database
 * is not known has no {@code source}: both are left out rather than written as null.
 *
 * @param position     the backup set's position in its media set, for {@code RESTORE ... WITH FILE =}
 * @param utcOffsetMinutes the server's offset from UTC when the backup ran (backupset.time_zone × 15), null when
 *                     msdb recorded it as unknown; {@code startedAt} and {@code finishedAt} are UTC computed with it
 */
public record BackupSet(String backupSetUuid, String databaseName, BackupType type, boolean copyOnly, int position,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal firstLsn,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal lastLsn,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal checkpointLsn,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal databaseBackupLsn,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal differentialBaseLsn,
        String differentialBaseGuid, String firstRecoveryForkGuid, String lastRecoveryForkGuid,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) BigDecimal forkPointLsn,
        boolean beginsLogChain, boolean hasBulkLoggedData, boolean snapshot, boolean damaged,
        boolean passwordProtected, boolean hasBackupChecksums, Instant startedAt, Instant finishedAt,
        Integer utcOffsetMinutes,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) long backupSize,
        @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) long compressedBackupSize,
        Media media, List<LogicalFile> logicalFiles, @JsonInclude(JsonInclude.Include.NON_NULL) Encryption encryption,
        @JsonInclude(JsonInclude.Include.NON_NULL) SourceDatabase source) {

    /** How an LSN or a size is written: a decimal string. */
    static final String DIGITS = "^[0-9]+$";

    /** device_type of backupmediafamily: a disk file, the only kind a restore from copied files can use. */
    public static final int DISK = 2;

    public BackupSet {
        backupSetUuid = backupSetUuid == null ? null : backupSetUuid.toUpperCase(java.util.Locale.ROOT);
        logicalFiles = logicalFiles == null ? List.of() : List.copyOf(logicalFiles);
        media = media == null ? Media.none() : media;
    }

    /**
     * The media set: every stripe (family) is needed, any one mirror of each is enough. A virtual-device
     * (third-party or snapshot) or tape backup cannot be restored from copied files.
     */
    public record Media(int familyCount, int mirrorCount, boolean restorableFromFiles, List<MediaFile> files) {

        public Media {
            files = files == null ? List.of() : List.copyOf(files);
        }

        public static Media none() {
            return new Media(0, 0, false, List.of());
        }

        /** The media of a backup written to disk files: one family per file, no mirror. */
        public static Media disk(List<String> stripes) {
            List<MediaFile> files = new java.util.ArrayList<>();
            for (int i = 0; i < stripes.size(); i++) {
                files.add(new MediaFile(i + 1, 0, DISK, stripes.get(i)));
            }
            return new Media(stripes.size(), stripes.isEmpty() ? 0 : 1, !stripes.isEmpty(), files);
        }

        /** The files of one mirror, in family order: what a restore names. */
        public List<String> mirror(int mirror) {
            return files.stream().filter(f -> f.mirror() == mirror)
                    .sorted(java.util.Comparator.comparingInt(MediaFile::familySequenceNumber))
                    .map(MediaFile::physicalDeviceName).toList();
        }
    }

    /** One file of a media set, as SQL Server wrote it (the path as the source server saw it). */
    public record MediaFile(int familySequenceNumber, int mirror, int deviceType, String physicalDeviceName) {
    }

    /** A database file in the backup (msdb.dbo.backupfile): what {@code RESTORE ... MOVE} names. */
    public record LogicalFile(long fileId, String logicalName, String type, String filegroup,
            @Schema(type = SchemaType.STRING, pattern = DIGITS) @JsonFormat(shape = STRING) long size,
            String physicalName) {
    }

    /** How the backup is encrypted; the DR server needs the certificate (or asymmetric key) with this thumbprint. */
    public record Encryption(String algorithm, String encryptorType, String encryptorThumbprint) {
    }

    /**
     * The database the backup belongs to: its identity in SQL Server (database_guid changes on restore,
     * family_guid does not), where it ran, and what a target server must offer to restore it.
     *
     * @param softwareVersion SQL Server's major.minor.build that wrote the backup, e.g. {@code 15.0.4261}
     */
    public record SourceDatabase(String databaseId, String serverId, String environmentId, String databaseGuid,
            String familyGuid, String serverName, String machineName, String recoveryModel,
            Integer compatibilityLevel, String softwareVersion, String collation) {
    }

    /** A backup known by its chain fields only (tests and histories that record no more). */
    public static BackupSet ofChain(String backupSetUuid, String databaseName, BackupType type, boolean copyOnly,
            BigDecimal firstLsn, BigDecimal lastLsn, BigDecimal databaseBackupLsn, String differentialBaseGuid,
            String firstRecoveryForkGuid, String lastRecoveryForkGuid, Instant finishedAt, boolean damaged) {
        return new BackupSet(backupSetUuid, databaseName, type, copyOnly, 1, firstLsn, lastLsn, null,
                databaseBackupLsn, null, differentialBaseGuid, firstRecoveryForkGuid, lastRecoveryForkGuid, null,
                false, false, false, damaged, false, false, finishedAt, finishedAt, 0, 0, 0, Media.none(), List.of(),
                null, null);
    }

    /** The same backup set, tied to the inventory's database, server and environment it protects. */
    public BackupSet withInventory(String databaseId, String serverId, String environmentId) {
        SourceDatabase s = source == null ? new SourceDatabase(null, null, null, null, null, null, null, null, null,
                null, null) : source;
        SourceDatabase tied = new SourceDatabase(databaseId, serverId, environmentId, s.databaseGuid(),
                s.familyGuid(), s.serverName(), s.machineName(), s.recoveryModel(), s.compatibilityLevel(),
                s.softwareVersion(), s.collation());
        return new BackupSet(backupSetUuid, databaseName, type, copyOnly, position, firstLsn, lastLsn, checkpointLsn,
                databaseBackupLsn, differentialBaseLsn, differentialBaseGuid, firstRecoveryForkGuid,
                lastRecoveryForkGuid, forkPointLsn, beginsLogChain, hasBulkLoggedData, snapshot, damaged,
                passwordProtected, hasBackupChecksums, startedAt, finishedAt, utcOffsetMinutes, backupSize,
                compressedBackupSize, media, logicalFiles, encryption, tied);
    }

    /** What a file of this backup takes on disk: the compressed size when SQL Server compressed it. */
    public long sizeOnDisk() {
        return compressedBackupSize > 0 ? compressedBackupSize : backupSize;
    }

    /** A full backup that can start a restore: not damaged, restorable from files. Copy-only fulls can. */
    public boolean canStartRestore() {
        return type == BackupType.FULL && !damaged;
    }

    /** A full that differentials can be based on: a copy-only full never is. */
    public boolean canBeDifferentialBase() {
        return canStartRestore() && !copyOnly;
    }

    /** Whether this differential was taken on {@code full}: its base GUID is the full's backup set GUID. */
    public boolean isDifferentialOf(BackupSet full) {
        return type == BackupType.DIFFERENTIAL && sameGuid(differentialBaseGuid, full.backupSetUuid());
    }

    /** Whether this log backup continues {@code previous}: it starts where the previous one ended, on its fork. */
    public boolean continues(BackupSet previous) {
        return firstLsn.compareTo(previous.lastLsn()) == 0
                && sameGuid(firstRecoveryForkGuid, previous.lastRecoveryForkGuid());
    }

    /**
     * Whether this log backup can be the first applied after {@code anchor} (a full or differential): it holds the
     * anchor's last LSN and starts on the anchor's recovery fork.
     */
    public boolean canFollow(BackupSet anchor) {
        return firstLsn.compareTo(anchor.lastLsn()) <= 0 && lastLsn.compareTo(anchor.lastLsn()) > 0
                && sameGuid(firstRecoveryForkGuid, anchor.lastRecoveryForkGuid());
    }

    public boolean sameBackupSet(String uuid) {
        return sameGuid(backupSetUuid, uuid);
    }

    private static boolean sameGuid(String a, String b) {
        return a != null && b != null && a.equalsIgnoreCase(b);
    }
}
