package io.wfdr.backup.offsite;

import java.util.List;

import io.wfdr.backup.domain.CatalogEntry;

/**
 * Written next to each backup file at every destination: enough to rebuild the catalog from the destination
 * alone, on the day the catalog's own database is gone.
 *
 * @param files the backup's files as stored at the destination (more than one for a striped backup), each with
 *              its size and SHA-256
 */
public record BackupManifest(int manifestVersion, String sourceServer, CatalogEntry backup, List<ManifestFile> files) {

    public static final int VERSION = 1;

    public record ManifestFile(String name, long bytes, String sha256) {
    }
}
