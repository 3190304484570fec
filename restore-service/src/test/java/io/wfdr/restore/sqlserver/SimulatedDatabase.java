package io.wfdr.restore.sqlserver;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A database on the simulated server: its sys.databases columns, its files (logical name → path and size), its
 * users, and where its restore sequence stands: the full it was restored from ({@code baseGuid}, null while no full
 * has been restored into it), the LSN it has rolled forward to and the recovery fork it is on, and what
 * restorehistory holds for it.
 */
final class SimulatedDatabase {

    /** One row of msdb.dbo.restorehistory joined with its backupset. */
    record Restored(String backupSetGuid, Instant at) {
    }

    record File(String path, long sizeBytes) {
    }

    String name;
    String state = "ONLINE";
    String userAccess = "MULTI_USER";
    String recoveryModel = "FULL";
    /** The production database its backups came from; 3154 compares it. */
    String sourceDatabase;
    final Map<String, File> files = new LinkedHashMap<>();
    final List<SimulatedUser> users = new ArrayList<>();
    String baseGuid;
    BigDecimal lsn;
    String forkGuid;
    Instant newestActivity;
    boolean corrupt;
    final List<Restored> history = new ArrayList<>();

    SimulatedDatabase(String name, String sourceDatabase) {
        this.name = name;
        this.sourceDatabase = sourceDatabase;
    }

    boolean restoring() {
        return "RESTORING".equals(state);
    }

    /** A restore sequence a differential or log can continue: RESTORING, with a full in it. */
    boolean readyToRollForward() {
        return restoring() && baseGuid != null;
    }

    DatabaseState view() {
        return new DatabaseState(name, state, userAccess, recoveryModel);
    }

    SimulatedUser user(String userName) {
        return users.stream().filter(u -> u.name().equalsIgnoreCase(userName)).findFirst().orElse(null);
    }
}
