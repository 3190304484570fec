package io.wfdr.snapshot.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Retention that keeps every chain whole: a chain is a full snapshot and the incrementals taken on it (each on the
 * one before); the newest {@code keep} chains stay and older ones are dropped whole, never an incremental alone, so
 * whatever stays can be restored at every point it covers. The same rule runs at the source and at the DR VM host,
 * each with its own count. An incremental whose line does not lead back to a full among the snapshots given (its
 * parent is missing) is an orphan: retention neither keeps it as a restore point nor drops it, it is reported.
 */
public final class ChainRetention {

    private ChainRetention() {
    }

    /** A snapshot as retention needs it: its id, kind, the snapshot it was taken on (null for a full), when. */
    public record Link(String snapshotId, SnapshotKind kind, String parentSnapshotId, Instant takenAt) {

        public Link {
            Objects.requireNonNull(snapshotId, "snapshotId");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(takenAt, "takenAt");
            if ((kind == SnapshotKind.FULL) != (parentSnapshotId == null)) {
                throw new IllegalArgumentException("a full has no parent and an incremental has one");
            }
        }
    }

    /** A full and its incrementals, oldest first. */
    public record Chain(Link full, List<Link> incrementals) {

        public Chain {
            incrementals = List.copyOf(incrementals);
        }

        /** The chain's snapshots, newest first: the order in which to delete them. */
        public List<Link> newestFirst() {
            List<Link> links = new ArrayList<>(incrementals);
            java.util.Collections.reverse(links);
            links.add(full);
            return links;
        }
    }

    /** The chains kept and dropped (each oldest first), and the orphans. */
    public record Plan(List<Chain> kept, List<Chain> dropped, List<Link> orphans) {
    }

    public static Plan plan(List<Link> snapshots, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("retention keeps at least one whole chain, not " + keep);
        }
        Map<String, Link> byId = new HashMap<>();
        snapshots.forEach(s -> byId.put(s.snapshotId(), s));
        Map<String, List<Link>> chainOf = new HashMap<>();
        Map<String, Link> fulls = new HashMap<>();
        List<Link> orphans = new ArrayList<>();
        for (Link link : snapshots) {
            Link full = fullOf(link, byId);
            if (full == null) {
                orphans.add(link);
            } else {
                fulls.put(full.snapshotId(), full);
                if (link.kind() == SnapshotKind.INCREMENTAL) {
                    chainOf.computeIfAbsent(full.snapshotId(), id -> new ArrayList<>()).add(link);
                }
            }
        }
        List<Chain> chains = fulls.values().stream()
                .sorted(Comparator.comparing(Link::takenAt).thenComparing(Link::snapshotId))
                .map(full -> new Chain(full, chainOf.getOrDefault(full.snapshotId(), List.of()).stream()
                        .sorted(Comparator.comparing(Link::takenAt).thenComparing(Link::snapshotId)).toList()))
                .toList();
        int cut = Math.max(0, chains.size() - keep);
        orphans.sort(Comparator.comparing(Link::takenAt).thenComparing(Link::snapshotId));
        return new Plan(chains.subList(cut, chains.size()), chains.subList(0, cut), orphans);
    }

    /** The full a snapshot's line leads back to, or null when a parent is missing (or the line loops). */
    private static Link fullOf(Link link, Map<String, Link> byId) {
        Set<String> seen = new LinkedHashSet<>();
        for (Link at = link; at != null; at = byId.get(at.parentSnapshotId())) {
            if (!seen.add(at.snapshotId())) {
                return null;
            }
            if (at.kind() == SnapshotKind.FULL) {
                return at;
            }
        }
        return null;
    }
}
