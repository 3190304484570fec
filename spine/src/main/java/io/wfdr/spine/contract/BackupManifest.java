package io.wfdr.spine.contract;

import java.time.Instant;
import java.util.List;

/**
 * Written next to every offsite copy of a backup ({@code <file>.manifest.json}): enough for any service to rebuild
 * what it needs from the destination alone, on the day backup-service and its database are gone. Version 2; a
 * reader refuses a version it does not know rather than guess.
 *
 * @param sourceServer the server's name when the backup ran (after a failover, the name the DR server carried)
 * @param backup       the whole backup set, as published on {@code wfdr.backup.events}
 * @param files        the backup's files as stored at this destination, one per stripe, each with its size and
 *                     SHA-256 as read back from the destination's storage
 */
public record BackupManifest(int manifestVersion, Instant writtenAt, String sourceServer, BackupSet backup,
        List<ManifestFile> files) {

    public static final int VERSION = 2;

    public BackupManifest {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * @param stripe the media family this file holds (1 for an unstriped backup)
     * @param name   the file's name in the destination folder
     */
    public record ManifestFile(int stripe, String name, @com.fasterxml.jackson.annotation.JsonFormat(
            shape = com.fasterxml.jackson.annotation.JsonFormat.Shape.STRING) long bytes, String sha256) {
    }
}
