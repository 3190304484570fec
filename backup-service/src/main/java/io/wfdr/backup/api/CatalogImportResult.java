package io.wfdr.backup.api;

import java.util.List;

/**
 * What an import into the catalog found: backups added, backups it already had, copies recorded, and what it
 * could not take (with the reason).
 */
public record CatalogImportResult(int imported, int alreadyInCatalog, int copiesRecorded, List<String> problems) {
}
