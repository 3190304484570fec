package io.wfdr.restore.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.wfdr.spine.contract.BackupSet;

/**
 * What is known of one database's backups: each backup set once (a set read twice, from an event and a manifest, is
 * one set), with its verified offsite copies. The first stage of a restore: everything after it chooses from here.
 */
public final class BackupHistory {

    private final List<BackupSet> sets;
    private final Map<String, List<CopyLocation>> copies;
    private final Map<String, Boolean> usable = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, List<BackupSet>> differentialsByBase = new HashMap<>();

    private BackupHistory(List<BackupSet> sets, Map<String, List<CopyLocation>> copies) {
        this.sets = sets;
        this.copies = copies;
        sets.stream().filter(s -> s.differentialBaseGuid() != null && s.type() == io.wfdr.spine.contract.BackupType.DIFFERENTIAL)
                .forEach(s -> differentialsByBase.computeIfAbsent(s.differentialBaseGuid().toUpperCase(
                        java.util.Locale.ROOT), k -> new ArrayList<>()).add(s));
    }

    private final Map<String, Object> derived = new java.util.concurrent.ConcurrentHashMap<>();

    /** Something worked out from this history once (it never changes), e.g. its usable logs indexed. */
    @SuppressWarnings("unchecked")
    <T> T derived(String what, java.util.function.Supplier<T> compute) {
        Object known = derived.get(what);
        if (known == null) {
            known = compute.get();
            Object first = derived.putIfAbsent(what, known);
            known = first == null ? known : first;
        }
        return (T) known;
    }

    /** The differentials whose base is this full's backup set GUID. */
    public List<BackupSet> differentialsOf(BackupSet full) {
        return differentialsByBase.getOrDefault(full.backupSetUuid(), List.of());
    }

    public static BackupHistory of(Collection<BackupSet> sets, Collection<CopyLocation> copies) {
        Map<String, BackupSet> unique = new LinkedHashMap<>();
        sets.forEach(set -> unique.putIfAbsent(set.backupSetUuid(), set));
        Map<String, List<CopyLocation>> bySet = new HashMap<>();
        copies.forEach(copy -> bySet.computeIfAbsent(copy.backupSetUuid().toUpperCase(java.util.Locale.ROOT),
                k -> new ArrayList<>()).add(copy));
        List<BackupSet> ordered = new ArrayList<>(unique.values());
        ordered.sort(Comparator.comparing(BackupSet::finishedAt).thenComparing(BackupSet::lastLsn));
        return new BackupHistory(List.copyOf(ordered), bySet);
    }

    /** Every set, oldest first. */
    public List<BackupSet> sets() {
        return sets;
    }

    public List<CopyLocation> copiesOf(BackupSet set) {
        return copies.getOrDefault(set.backupSetUuid(), List.of());
    }

    /**
     * Whether a restore can use the set: not damaged, not a tape/virtual-device/snapshot backup, and every stripe
     * (media family) has a verified copy — all stripes are required, any one copy of each is enough.
     */
    public boolean usable(BackupSet set) {
        return usable.computeIfAbsent(set.backupSetUuid(), id -> judge(set));
    }

    private boolean judge(BackupSet set) {
        if (set.damaged() || (!set.media().files().isEmpty() && !set.media().restorableFromFiles())) {
            return false;
        }
        int families = Math.max(1, set.media().familyCount());
        List<CopyLocation> copiesOfSet = copiesOf(set);
        for (int stripe = 1; stripe <= families; stripe++) {
            int wanted = stripe;
            if (copiesOfSet.stream().noneMatch(c -> c.stripe() == wanted)) {
                return false;
            }
        }
        return true;
    }

    /** Why a set cannot be used, in a DBA's words; null when it can. */
    public String whyUnusable(BackupSet set) {
        if (set.damaged()) {
            return set.type() + " backup " + set.backupSetUuid() + " is marked damaged in msdb";
        }
        if (!set.media().files().isEmpty() && !set.media().restorableFromFiles()) {
            return set.type() + " backup " + set.backupSetUuid() + " was written to tape, a virtual device or a "
                    + "snapshot; it cannot be restored from copied files";
        }
        if (!usable(set)) {
            return set.type() + " backup " + set.backupSetUuid() + " has no verified offsite copy of every stripe";
        }
        return null;
    }
}
