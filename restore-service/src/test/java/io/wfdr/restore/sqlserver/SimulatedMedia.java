package io.wfdr.restore.sqlserver;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Opening backup files as RESTORE does: each must exist (3201), all of one media set (3241), every stripe (3132). */
final class SimulatedMedia {

    private SimulatedMedia() {
    }

    static SimulatedMediaSet open(SimulatedState state, List<String> files, boolean everyStripe)
            throws SimulatedRefusal {
        SimulatedMediaSet media = null;
        for (String file : files) {
            SimulatedMediaSet holding = state.mediaHolding(file);
            if (holding == null) {
                throw SimulatedRefusal.of(3201, "Cannot open backup device '" + file + "'. Operating system error "
                        + "2(The system cannot find the file specified.).");
            }
            if (media != null && holding != media) {
                throw SimulatedRefusal.of(3241, "The media family on device '" + file + "' is incorrectly formed. "
                        + "SQL Server cannot process this media family.");
            }
            media = holding;
        }
        Set<String> given = new LinkedHashSet<>();
        files.forEach(f -> given.add(SimulatedState.key(f)));
        if (everyStripe && given.size() < media.files.size()) {
            throw SimulatedRefusal.of(3132, "The media set has " + media.files.size() + " media families but only "
                    + given.size() + " are provided. All members must be provided.");
        }
        return media;
    }

    static SimulatedBackup backupSet(SimulatedMediaSet media, int position, List<String> files)
            throws SimulatedRefusal {
        SimulatedBackup set = media.at(position);
        if (set == null) {
            throw SimulatedRefusal.of(4038, "Cannot find file ID " + position + " on device '" + files.get(0) + "'.");
        }
        return set;
    }

    static void checksumsPresent(SimulatedBackup set, Boolean checksum) throws SimulatedRefusal {
        if (Boolean.TRUE.equals(checksum) && !set.hasChecksums()) {
            throw SimulatedRefusal.of(3187, "RESTORE WITH CHECKSUM cannot be specified because the backup set does "
                    + "not contain checksum information.");
        }
    }
}
