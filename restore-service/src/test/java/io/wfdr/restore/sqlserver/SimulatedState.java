package io.wfdr.restore.sqlserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the simulated server holds, in plain objects (so it could be written to a folder and read back): the
 * backup media it can open, its databases, logins, folders with their free bytes, certificates and asymmetric keys,
 * and the counts of the actions a crash must never repeat. Not thread-safe by itself: {@link SimulatedSqlServer}
 * holds its monitor around every use.
 */
final class SimulatedState {

    ServerFacts facts = new ServerFacts("15.0.4261.1", 15, "Developer Edition (64-bit)", "D:\\Data\\",
            "L:\\Logs\\", "\\");
    final List<SimulatedMediaSet> media = new ArrayList<>();
    final Set<String> missingFiles = new LinkedHashSet<>();
    final Map<String, SimulatedDatabase> databases = new LinkedHashMap<>();
    final Map<String, SimulatedLogin> logins = new LinkedHashMap<>();
    final Map<String, Long> freeBytes = new LinkedHashMap<>();
    final Set<String> encryptors = new LinkedHashSet<>();
    final Map<String, Integer> loginsCreated = new LinkedHashMap<>();
    final Map<String, Integer> recoveries = new LinkedHashMap<>();
    final Map<String, Integer> backupSetsRestored = new LinkedHashMap<>();

    static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }

    SimulatedDatabase database(String name) {
        return databases.get(key(name));
    }

    void put(SimulatedDatabase database) {
        databases.put(key(database.name), database);
    }

    SimulatedLogin login(String name) {
        return logins.get(key(name));
    }

    Optional<SimulatedLogin> loginWithSid(String sidHex) {
        return logins.values().stream().filter(l -> l.sidHex().equalsIgnoreCase(sidHex)).findFirst();
    }

    SimulatedMediaSet mediaHolding(String file) {
        if (missingFiles.contains(key(file))) {
            return null;
        }
        return media.stream().filter(m -> m.files.stream().anyMatch(f -> f.equalsIgnoreCase(file))).findFirst()
                .orElse(null);
    }

    /** The database other than {@code except} that has a file at this path (sys.master_files, case-insensitive). */
    SimulatedDatabase databaseUsing(String path, SimulatedDatabase except) {
        for (SimulatedDatabase database : databases.values()) {
            if (database != except && database.files.values().stream().anyMatch(f -> f.path().equalsIgnoreCase(path))) {
                return database;
            }
        }
        return null;
    }

    /** The registered folder that holds the path (longest prefix), as the volume it stands for. */
    Optional<Volume> volumeOf(String path) {
        return Volume.holding(path, freeBytes.entrySet().stream().map(e -> new Volume(e.getKey(), e.getValue()))
                .toList());
    }

    DatabaseUser viewOf(SimulatedUser user) {
        return new DatabaseUser(user.name(), user.sid(), user.type(),
                loginWithSid(user.sidHex()).map(SimulatedLogin::name).orElse(null));
    }

    static void count(Map<String, Integer> counts, String what) {
        counts.merge(key(what), 1, Integer::sum);
    }
}
