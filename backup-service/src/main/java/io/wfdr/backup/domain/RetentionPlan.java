package io.wfdr.backup.domain;

import io.wfdr.spine.contract.BackupType;
import io.wfdr.spine.contract.BackupSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What retention may delete, and why, before anything is deleted (the dry run shows exactly this).
 * <ul>
 * <li>Nothing goes until a full backup is verified offsite; the newest such full's chain, and everything newer,
 * stay.</li>
 * <li>Every backup inside the retention window stays, and so does whatever a restore to any point inside the
 * window needs: the chain of the newest full taken before the window began, with its differentials and logs.</li>
 * </ul>
 */
public record RetentionPlan(List<Decision> expire, List<Decision> keep) {

    public record Decision(String backupSetId, BackupType type, Instant finishedAt, String reason) {
    }

    public static RetentionPlan of(List<BackupSet> catalog, Set<String> verifiedOffsite, Instant now,
            Duration retention) {
        List<BackupChain> chains = BackupChains.of(catalog).chains();
        Optional<BackupChain> anchor = chains.stream()
                .filter(c -> verifiedOffsite.contains(c.full().backupSetUuid())).findFirst();
        if (anchor.isEmpty()) {
            return keepAll(catalog, "no full backup is verified offsite yet; nothing is deleted until one is");
        }
        Instant windowStart = now.minus(retention);
        Instant keepFrom = oldestNeeded(chains, anchor.get(), windowStart);
        Set<String> needed = new HashSet<>();
        chains.stream().filter(c -> !c.full().finishedAt().isBefore(keepFrom)).forEach(c -> addChain(needed, c));
        List<Decision> expire = new ArrayList<>();
        List<Decision> keep = new ArrayList<>();
        for (BackupSet e : catalog) {
            if (needed.contains(e.backupSetUuid()) || !e.finishedAt().isBefore(keepFrom)) {
                keep.add(decision(e, reason(e, windowStart, anchor.get())));
            } else {
                expire.add(decision(e, "finished before " + keepFrom + ", the oldest full any restore inside the "
                        + retention.toDays() + "-day window or the newest offsite-verified chain needs"));
            }
        }
        Comparator<Decision> byTime = Comparator.comparing(Decision::finishedAt);
        expire.sort(byTime);
        keep.sort(byTime);
        return new RetentionPlan(expire, keep);
    }

    /** The full a restore to the start of the window starts from, or the offsite-verified anchor if older. */
    private static Instant oldestNeeded(List<BackupChain> chains, BackupChain anchor, Instant windowStart) {
        Instant coveringWindowStart = chains.stream()
                .map(c -> c.full().finishedAt())
                .filter(t -> !t.isAfter(windowStart))
                .max(Comparator.naturalOrder())
                .orElse(windowStart);
        Instant anchorTime = anchor.full().finishedAt();
        return anchorTime.isBefore(coveringWindowStart) ? anchorTime : coveringWindowStart;
    }

    private static void addChain(Set<String> needed, BackupChain chain) {
        needed.add(chain.full().backupSetUuid());
        chain.differentials().forEach(d -> needed.add(d.backupSetUuid()));
        chain.logs().forEach(l -> needed.add(l.backupSetUuid()));
    }

    private static String reason(BackupSet e, Instant windowStart, BackupChain anchor) {
        if (!e.finishedAt().isBefore(windowStart)) {
            return "inside the retention window";
        }
        if (e.backupSetUuid().equals(anchor.full().backupSetUuid())) {
            return "the newest full backup verified offsite";
        }
        return "needed to restore a point inside the retention window, or by the newest offsite-verified chain";
    }

    private static RetentionPlan keepAll(List<BackupSet> catalog, String reason) {
        return new RetentionPlan(List.of(), catalog.stream().map(e -> decision(e, reason))
                .sorted(Comparator.comparing(Decision::finishedAt)).toList());
    }

    private static Decision decision(BackupSet e, String reason) {
        return new Decision(e.backupSetUuid(), e.type(), e.finishedAt(), reason);
    }
}
