package io.wfdr.backup.api;

import java.util.List;

import io.wfdr.backup.domain.FullScheduleKind;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A database's backup policy. Omit {@code logMinutes} for no log backups (they need the FULL or BULK_LOGGED
 * recovery model). {@code backupFolder} is the folder as SQL Server sees it; {@code backupFolderMount} is where this
 * service sees the same folder (a share of it), from which it copies the files to the destinations; without it no
 * offsite copy is made. Flags default to the safe choice: compression, checksum and verify-after-backup on.
 * {@code maxTransferSize} (a multiple of 64 KB up to 4 MB; above 64 KB compresses TDE databases well) and
 * {@code bufferCount} tune the BACKUP's I/O.
 */
public record PolicyRequest(
        @NotNull @Valid FullSchedule full,
        @Min(5) @Max(10_080) Integer differentialMinutes,
        @Min(1) @Max(1_440) Integer logMinutes,
        @NotBlank @Size(max = 400) String backupFolder,
        @Size(max = 400) String backupFolderMount,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid Destination> destinations,
        @NotNull @Min(1) @Max(3_650) Integer retentionDays,
        Boolean compression,
        Boolean checksum,
        Boolean verifyAfterBackup,
        @Size(max = 128) String encryptionCertificate,
        @Min(65_536) @Max(4_194_304) Integer maxTransferSize,
        @Min(1) @Max(2_048) Integer bufferCount) {

    /** DAILY at {@code time}, WEEKLY on {@code day} at {@code time}, or a Quartz {@code cron}, in {@code timeZone}. */
    public record FullSchedule(@NotNull FullScheduleKind kind,
            @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be HH:mm") String time,
            @Pattern(regexp = "MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY",
                    message = "must be a day of the week in capitals, e.g. SUNDAY") String day,
            @Size(max = 120) String cron,
            String timeZone) {
    }

    /**
     * A directory on a machine of the inventory (a host, or a physical server such as the DR SQL Server), e.g. a
     * share mounted from the DR site's NAS: {@code path} as this service writes to it, {@code sqlServerPath} as the
     * SQL Servers at that site open it (UNC or local; defaults to {@code path}).
     */
    public record Destination(@NotBlank @Size(max = 400) String path, @NotBlank String hostId,
            @Size(max = 400) String sqlServerPath) {
    }
}
