package io.wfdr.snapshot.domain;

import java.time.Instant;
import java.util.List;

import io.wfdr.snapshot.qemu.ImageExtent;

/**
 * What the DR VM host keeps next to each replicated snapshot file, so that it can rebuild a VM from its own files
 * alone: which snapshot it is, its parent (null for a full), the file and what it must hash to, the disk size the
 * guest sees, the extents it holds (for an incremental, exactly what changed) and what the VM was (CPUs, memory,
 * NICs, its hypervisor's definition), to create it again on the DR host.
 */
public record SnapshotManifest(String snapshotId, String vm, SnapshotKind kind, String parentSnapshotId,
        String file, long bytes, String sha256, long virtualSize, List<ImageExtent> changed, Instant takenAt,
        Consistency consistency, VmDefinition definition) {

    public SnapshotManifest {
        if ((kind == SnapshotKind.FULL) != (parentSnapshotId == null)) {
            throw new IllegalArgumentException("a full has no parent and an incremental has one");
        }
        changed = changed == null ? List.of() : List.copyOf(changed);
    }
}
