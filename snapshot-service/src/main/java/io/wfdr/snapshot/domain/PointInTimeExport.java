package io.wfdr.snapshot.domain;

import java.nio.file.Path;

/**
 * A running VM's disk frozen at one point in time and readable over NBD while the VM goes on: the unix socket, the
 * export's name, and for an incremental the block status context that marks what changed since the previous
 * checkpoint (null for a full).
 */
public record PointInTimeExport(String vm, String disk, Path socket, String export, String changedContext,
        Consistency consistency) {

    public boolean incremental() {
        return changedContext != null;
    }
}
