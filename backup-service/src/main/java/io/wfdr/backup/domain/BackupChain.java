package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupSet;
import java.util.List;
import java.util.Optional;

/**
 * What a restore can do from one full backup: the full, the differentials taken on it, and the unbroken run of
 * log backups that can follow the newest differential (or the full). Every break found on the way is listed with
 * its reason.
 */
public record BackupChain(BackupSet full, List<BackupSet> differentials, List<BackupSet> logs,
        List<ChainBreak> breaks) {

    public record ChainBreak(String backupSetId, String reason) {
    }

    /** The guide's restore: the last full, the newest differential on it, then the logs. */
    public Optional<BackupSet> newestDifferential() {
        return differentials.isEmpty() ? Optional.empty() : Optional.of(differentials.get(differentials.size() - 1));
    }

    /** The last backup a restore from this chain can apply. */
    public BackupSet newestRestorable() {
        if (!logs.isEmpty()) {
            return logs.get(logs.size() - 1);
        }
        return newestDifferential().orElse(full);
    }
}
