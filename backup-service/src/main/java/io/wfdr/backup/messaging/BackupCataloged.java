package io.wfdr.backup.messaging;

import io.wfdr.spine.contract.BackupSet;
import io.wfdr.spine.events.EventType;

/**
 * A backup set is in the catalog, with everything a restore needs. Published for every set that enters it (this
 * service's own backups, msdb imports, rebuilds from a destination) and again on a {@code republish} command, so a
 * consumer that reads the topic from the beginning can rebuild the whole catalog.
 *
 * @param origin      OWN_BACKUP, MSDB_IMPORT, DESTINATION_REBUILD or REPUBLISH
 * @param verifyOnly  how RESTORE VERIFYONLY judged it: PASSED, FAILED or NOT_RUN
 * @param expired     whether retention has since deleted its files (only on REPUBLISH)
 */
@EventType("wfdr.backup.cataloged.v1")
public record BackupCataloged(String databaseId, String operationId, String origin, String verifyOnly,
        boolean expired, BackupSet backupSet) {
}
