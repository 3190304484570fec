package io.wfdr.snapshot.domain;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SnapshotManifestTest {

    private static final Instant TAKEN = Instant.parse("2026-11-25T03:00:00Z");

    @Test
    void aFullHasNoParentAndAnIncrementalHasOne() {
        assertThrows(IllegalArgumentException.class, () -> new SnapshotManifest("f", "web01", SnapshotKind.FULL, "x",
                "f.qcow2", 1, "00", 1, List.of(), TAKEN, null, null));
        assertThrows(IllegalArgumentException.class, () -> new SnapshotManifest("i", "web01",
                SnapshotKind.INCREMENTAL, null, "i.qcow2", 1, "00", 1, List.of(), TAKEN, null, null));
        new SnapshotManifest("i", "web01", SnapshotKind.INCREMENTAL, "f", "i.qcow2", 1, "00", 1, null, TAKEN, null, null);
    }
}
