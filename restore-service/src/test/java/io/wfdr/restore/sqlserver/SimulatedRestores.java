package io.wfdr.restore.sqlserver;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL Server's restore rules, checked in the order the server checks them: the media (3201, 3241, 3132, 4038), the
 * kind of backup (3135), checksums (3187); for a full, the existing target (3154, 3159), MOVE (3234), the target
 * files (1834, 5133 with 3156) and space (3257), all planning errors ending in 3119; for a differential or log, a
 * restore sequence to continue (3117), the same base full (3136), the same recovery fork (4330) and the LSN range
 * (4305 gap, 4326 already applied); damage found while copying (3183); and RECOVERY of what is left RESTORING
 * (4333 no full restored, 3153 already recovered).
 */
final class SimulatedRestores {

    private final SimulatedState state;
    private final Clock clock;

    SimulatedRestores(SimulatedState state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    SimulatedStep plan(SimulatedStatements.Restore restore) throws SimulatedRefusal {
        SimulatedMediaSet media = SimulatedMedia.open(state, restore.disks(), true);
        SimulatedBackup set = SimulatedMedia.backupSet(media, restore.file(), restore.disks());
        if (restore.log() != set.isLog()) {
            throw SimulatedRefusal.of(3135, "The backup set in file '" + restore.disks().get(0) + "' was created by "
                    + (set.isLog() ? "BACKUP LOG" : "BACKUP DATABASE") + " and cannot be used for this restore "
                    + "operation.");
        }
        SimulatedMedia.checksumsPresent(set, restore.checksum());
        return switch (set.backupType()) {
            case BackupHeader.DATABASE -> full(restore, media, set);
            case BackupHeader.DIFFERENTIAL -> differential(restore, media, set);
            case BackupHeader.LOG -> log(restore, media, set);
            default -> throw SimulatedRefusal.of(3135, "The backup set in file '" + restore.disks().get(0)
                    + "' cannot be used for this restore operation.");
        };
    }

    SimulatedStep plan(SimulatedStatements.Recover recover) throws SimulatedRefusal {
        SimulatedDatabase database = state.database(recover.database());
        if (database == null) {
            throw SimulatedRefusal.of(911, "Database '" + recover.database() + "' does not exist. Make sure that the "
                    + "name is entered correctly.");
        }
        if (!database.restoring()) {
            throw SimulatedRefusal.of(3153, "The database is already fully recovered.");
        }
        if (database.baseGuid == null) {
            throw SimulatedRefusal.of(4333, "The database cannot be recovered because the log was not restored.");
        }
        return () -> recovered(database);
    }

    private SimulatedStep full(SimulatedStatements.Restore restore, SimulatedMediaSet media, SimulatedBackup set)
            throws SimulatedRefusal {
        SimulatedDatabase existing = state.database(restore.database());
        if (existing != null && !restore.replace()) {
            overwritable(existing, set, restore);
        }
        Map<String, SimulatedDatabase.File> targets = targets(restore, set, existing);
        Map<String, Long> needed = enoughSpace(targets, existing);
        if (media.damaged) {
            leftRestoringWithoutAFull(restore.database(), set, targets, needed);
            throw damaged(restore.database());
        }
        return new SimulatedStep() {
            @Override
            public void apply() {
                SimulatedDatabase database = new SimulatedDatabase(existing == null ? restore.database()
                        : existing.name, set.databaseName());
                database.history.addAll(existing == null ? List.of() : existing.history);
                database.files.putAll(targets);
                database.baseGuid = set.backupSetGuid();
                state.put(database);
                take(needed);
                rolledForward(database, set, restore);
            }

            @Override
            public void abort() {
                leftRestoringWithoutAFull(restore.database(), set, targets, needed);
            }
        };
    }

    private void overwritable(SimulatedDatabase existing, SimulatedBackup set, SimulatedStatements.Restore restore)
            throws SimulatedRefusal {
        if (!existing.sourceDatabase.equalsIgnoreCase(set.databaseName())) {
            throw SimulatedRefusal.of(3154, "The backup set holds a backup of a database other than the existing '"
                    + existing.name + "' database.");
        }
        if (!existing.restoring() && !"SIMPLE".equals(existing.recoveryModel) && restore.stopAt() == null) {
            throw SimulatedRefusal.of(3159, "The tail of the log for the database \"" + existing.name + "\" has not "
                    + "been backed up. Use BACKUP LOG WITH NORECOVERY to backup the log if it contains work you do "
                    + "not want to lose. Use the WITH REPLACE or WITH STOPAT clause of the RESTORE statement to just "
                    + "overwrite the contents of the log.");
        }
    }

    /** Where each logical file goes: its MOVE, or where production kept it. */
    private Map<String, SimulatedDatabase.File> targets(SimulatedStatements.Restore restore, SimulatedBackup set,
            SimulatedDatabase existing) throws SimulatedRefusal {
        for (String logical : restore.moves().keySet()) {
            if (set.files().stream().noneMatch(f -> f.logicalName().equalsIgnoreCase(logical))) {
                throw SimulatedRefusal.of(3234, "Logical file '" + logical + "' is not part of database '"
                        + restore.database() + "'. Use RESTORE FILELISTONLY to list the logical file names.").planning();
            }
        }
        Map<String, SimulatedDatabase.File> targets = new LinkedHashMap<>();
        for (BackupFile file : set.files()) {
            String path = moveOf(restore, file.logicalName()).orElse(file.physicalName());
            SimulatedDatabase owner = state.databaseUsing(path, existing);
            if (owner != null) {
                throw SimulatedRefusal.of(1834, "The file '" + path + "' cannot be overwritten.  It is being used by "
                        + "database '" + owner.name + "'.").then(3156, cannotRestore(file, path)).planning();
            }
            if (state.volumeOf(path).isEmpty()) {
                throw SimulatedRefusal.of(5133, "Directory lookup for the file \"" + path + "\" failed with the "
                        + "operating system error 3(The system cannot find the path specified.).")
                        .then(3156, cannotRestore(file, path)).planning();
            }
            targets.put(file.logicalName(), new SimulatedDatabase.File(path, file.sizeBytes()));
        }
        return targets;
    }

    private static Optional<String> moveOf(SimulatedStatements.Restore restore, String logical) {
        return restore.moves().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(logical))
                .map(Map.Entry::getValue).findFirst();
    }

    private static String cannotRestore(BackupFile file, String path) {
        return "File '" + file.logicalName() + "' cannot be restored to '" + path + "'. Use WITH MOVE to identify a "
                + "valid location for the file.";
    }

    /** The bytes each volume must give; files that replace one of the same path need no more room. */
    private Map<String, Long> enoughSpace(Map<String, SimulatedDatabase.File> targets, SimulatedDatabase existing)
            throws SimulatedRefusal {
        Map<String, Long> needed = new LinkedHashMap<>();
        for (SimulatedDatabase.File file : targets.values()) {
            boolean replacing = existing != null && existing.files.values().stream()
                    .anyMatch(f -> f.path().equalsIgnoreCase(file.path()));
            if (!replacing) {
                needed.merge(state.volumeOf(file.path()).orElseThrow().mountPoint(), file.sizeBytes(), Long::sum);
            }
        }
        for (Map.Entry<String, Long> volume : needed.entrySet()) {
            long free = state.freeBytes.get(volume.getKey());
            if (volume.getValue() > free) {
                throw SimulatedRefusal.of(3257, "There is insufficient free space on disk volume '" + volume.getKey()
                        + "' to create the database. The database requires " + volume.getValue() + " additional free "
                        + "bytes, while only " + free + " bytes are available.").planning();
            }
        }
        return needed;
    }

    private void take(Map<String, Long> needed) {
        needed.forEach((volume, bytes) -> state.freeBytes.merge(volume, -bytes, Long::sum));
    }

    private SimulatedStep differential(SimulatedStatements.Restore restore, SimulatedMediaSet media,
            SimulatedBackup set) throws SimulatedRefusal {
        SimulatedDatabase database = readyToRollForward(restore.database());
        if (!set.differentialBaseGuid().equalsIgnoreCase(database.baseGuid)) {
            throw SimulatedRefusal.of(3136, "This differential backup cannot be restored because the database has not "
                    + "been restored to the correct earlier state.");
        }
        if (media.damaged) {
            throw damaged(database.name);
        }
        return () -> rolledForward(database, set, restore);
    }

    private SimulatedStep log(SimulatedStatements.Restore restore, SimulatedMediaSet media, SimulatedBackup set)
            throws SimulatedRefusal {
        SimulatedDatabase database = readyToRollForward(restore.database());
        if (!set.firstForkGuid().equalsIgnoreCase(database.forkGuid)) {
            throw SimulatedRefusal.of(4330, "This backup set cannot be applied because it is on a recovery path that "
                    + "is inconsistent with the database. The recovery path is the sequence of data and log backups "
                    + "that have brought the database to a particular recovery point. Find a compatible backup to "
                    + "restore, or restore the rest of the database to match a recovery point within this backup set, "
                    + "which will restore the database to a different point in time.");
        }
        if (set.firstLsn().compareTo(database.lsn) > 0) {
            throw SimulatedRefusal.of(4305, "The log in this backup set begins at LSN " + set.firstLsn() + ", which is "
                    + "too recent to apply to the database. An earlier log backup that includes LSN " + database.lsn
                    + " can be restored.");
        }
        if (set.lastLsn().compareTo(database.lsn) <= 0) {
            throw SimulatedRefusal.of(4326, "The log in this backup set terminates at LSN " + set.lastLsn() + ", which "
                    + "is too early to apply to the database. A more recent log backup that includes LSN "
                    + database.lsn + " can be restored.");
        }
        if (media.damaged) {
            throw damaged(database.name);
        }
        return () -> rolledForward(database, set, restore);
    }

    private SimulatedDatabase readyToRollForward(String name) throws SimulatedRefusal {
        SimulatedDatabase database = state.database(name);
        if (database == null || !database.readyToRollForward()) {
            throw SimulatedRefusal.of(3117, "The log or differential backup cannot be restored because no files are "
                    + "ready to rollforward.");
        }
        return database;
    }

    private void rolledForward(SimulatedDatabase database, SimulatedBackup set, SimulatedStatements.Restore restore) {
        database.state = "RESTORING";
        database.recoveryModel = set.recoveryModel();
        database.lsn = set.lastLsn();
        database.forkGuid = set.lastForkGuid();
        database.users.clear();
        database.users.addAll(set.users());
        database.newestActivity = set.newestActivity();
        database.history.add(new SimulatedDatabase.Restored(set.backupSetGuid(), clock.instant()));
        SimulatedState.count(state.backupSetsRestored, database.name + "/" + set.backupSetGuid());
        if (restore.recovery()) {
            recovered(database);
        }
    }

    private void recovered(SimulatedDatabase database) {
        database.state = "ONLINE";
        SimulatedState.count(state.recoveries, database.name);
    }

    /** What a full restore that fails while copying leaves: the files, RESTORING, nothing to roll forward. */
    private void leftRestoringWithoutAFull(String name, SimulatedBackup set, Map<String, SimulatedDatabase.File> files,
            Map<String, Long> needed) {
        SimulatedDatabase existing = state.database(name);
        SimulatedDatabase database = new SimulatedDatabase(existing == null ? name : existing.name, set.databaseName());
        database.files.putAll(files);
        database.state = "RESTORING";
        state.put(database);
        take(needed);
    }

    private static SimulatedRefusal damaged(String database) {
        return SimulatedRefusal.of(3183, "RESTORE detected an error on page (1:1274) in database \"" + database
                + "\" as read from the backup set.");
    }
}
