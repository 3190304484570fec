package io.wfdr.snapshot.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.wfdr.snapshot.domain.ChainRetention.Chain;
import io.wfdr.snapshot.domain.ChainRetention.Link;
import org.junit.jupiter.api.Test;

class ChainRetentionTest {

    private static final Instant T0 = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void theNewestChainsStayWholeAndOlderOnesAreDroppedWhole() {
        List<Link> snapshots = new ArrayList<>();
        for (int day = 0; day < 4; day++) {
            snapshots.addAll(chain("d" + day, day, 3));
        }
        ChainRetention.Plan plan = ChainRetention.plan(snapshots, 2);
        assertEquals(List.of("d2", "d3"), plan.kept().stream().map(c -> c.full().snapshotId()).toList());
        assertEquals(List.of("d0", "d1"), plan.dropped().stream().map(c -> c.full().snapshotId()).toList());
        plan.dropped().forEach(c -> assertEquals(3, c.incrementals().size(), "dropped whole"));
        plan.kept().forEach(c -> assertEquals(3, c.incrementals().size(), "kept whole"));
        Chain oldest = plan.dropped().get(0);
        assertEquals(List.of("d0-i3", "d0-i2", "d0-i1", "d0"),
                oldest.newestFirst().stream().map(Link::snapshotId).toList());
        assertEquals(List.of(), plan.orphans());
    }

    @Test
    void anIncrementalWhoseLineIsBrokenIsNeitherKeptNorDropped() {
        List<Link> snapshots = new ArrayList<>(chain("d0", 0, 2));
        snapshots.add(new Link("stray", SnapshotKind.INCREMENTAL, "gone", T0.plusSeconds(100)));
        ChainRetention.Plan plan = ChainRetention.plan(snapshots, 1);
        assertEquals(1, plan.kept().size());
        assertEquals(List.of("stray"), plan.orphans().stream().map(Link::snapshotId).toList());
    }

    @Test
    void fewerChainsThanToKeepAreAllKept() {
        ChainRetention.Plan plan = ChainRetention.plan(chain("d0", 0, 5), 3);
        assertEquals(1, plan.kept().size());
        assertEquals(0, plan.dropped().size());
        assertThrows(IllegalArgumentException.class, () -> ChainRetention.plan(List.of(), 0));
    }

    /** A full on day {@code day} and {@code incrementals} incrementals, each on the one before. */
    private static List<Link> chain(String full, int day, int incrementals) {
        List<Link> links = new ArrayList<>();
        Instant at = T0.plusSeconds(day * 86_400L);
        links.add(new Link(full, SnapshotKind.FULL, null, at));
        String parent = full;
        for (int i = 1; i <= incrementals; i++) {
            String id = full + "-i" + i;
            links.add(new Link(id, SnapshotKind.INCREMENTAL, parent, at.plusSeconds(i * 900L)));
            parent = id;
        }
        return links;
    }
}
