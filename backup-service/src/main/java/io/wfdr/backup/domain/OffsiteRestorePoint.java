package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupSet;
import java.util.Optional;
import java.util.Set;

/**
 * The newest point a restore can reach using only offsite copies: a chain's full if it was copied, then its newest
 * differential if that was copied too, then its log backups for as long as each was copied. It never claims more
 * than the copies allow.
 */
public final class OffsiteRestorePoint {

    private OffsiteRestorePoint() {
    }

    public static Optional<BackupSet> newest(BackupChains.Result chains, Set<String> copied) {
        return chains.chains().stream()
                .map(chain -> reach(chain, copied))
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(BackupSet::finishedAt));
    }

    static Optional<BackupSet> reach(BackupChain chain, Set<String> copied) {
        if (!copied.contains(chain.full().backupSetUuid())) {
            return Optional.empty();
        }
        BackupSet reached = chain.full();
        Optional<BackupSet> differential = chain.newestDifferential();
        if (differential.isPresent() && !copied.contains(differential.get().backupSetUuid())) {
            return Optional.of(reached);
        }
        if (differential.isPresent()) {
            reached = differential.get();
        }
        for (BackupSet log : chain.logs()) {
            if (!copied.contains(log.backupSetUuid())) {
                break;
            }
            reached = log;
        }
        return Optional.of(reached);
    }
}
