package io.wfdr.restore.sqlserver;

import java.util.ArrayList;
import java.util.List;

/**
 * A media set: the files it is striped over (one per family, all needed) and its backup sets, at positions 1..n.
 * A damaged media set has a flipped byte somewhere: its headers still read, its data does not.
 */
final class SimulatedMediaSet {

    final List<String> files;
    final List<SimulatedBackup> backupSets;
    boolean damaged;

    SimulatedMediaSet(List<String> files, List<SimulatedBackup> backupSets) {
        this.files = List.copyOf(files);
        this.backupSets = new ArrayList<>(backupSets);
    }

    /** The set at {@code FILE = position}, or null. */
    SimulatedBackup at(int position) {
        return position >= 1 && position <= backupSets.size() ? backupSets.get(position - 1) : null;
    }
}
