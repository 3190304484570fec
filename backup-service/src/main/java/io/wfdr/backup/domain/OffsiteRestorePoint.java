package io.wfdr.backup.domain;

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

    public static Optional<CatalogEntry> newest(BackupChains.Result chains, Set<String> copied) {
        return chains.chains().stream()
                .map(chain -> reach(chain, copied))
                .flatMap(Optional::stream)
                .max(java.util.Comparator.comparing(CatalogEntry::finishedAt));
    }

    static Optional<CatalogEntry> reach(BackupChain chain, Set<String> copied) {
        if (!copied.contains(chain.full().backupSetId())) {
            return Optional.empty();
        }
        CatalogEntry reached = chain.full();
        Optional<CatalogEntry> differential = chain.newestDifferential();
        if (differential.isPresent() && !copied.contains(differential.get().backupSetId())) {
            return Optional.of(reached);
        }
        if (differential.isPresent()) {
            reached = differential.get();
        }
        for (CatalogEntry log : chain.logs()) {
            if (!copied.contains(log.backupSetId())) {
                break;
            }
            reached = log;
        }
        return Optional.of(reached);
    }
}
