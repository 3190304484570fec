package io.wfdr.snapshot.domain;

/**
 * A snapshot as it was taken: its manifest, the bytes the hypervisor found changed (all allocated data for a full),
 * and, when a full was taken although an incremental was asked for, why.
 */
public record TakenSnapshot(SnapshotManifest manifest, long changedBytes, String fullBecause, Consistency consistency) {
}
