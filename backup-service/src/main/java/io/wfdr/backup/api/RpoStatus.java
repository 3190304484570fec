package io.wfdr.backup.api;

import java.time.Instant;

/**
 * How much work a disaster now would lose: the age of the newest point restorable from offsite copies alone,
 * against the database's RPO target. UNKNOWN: nothing is restorable from offsite yet, and {@code reason} says why.
 */
public record RpoStatus(String databaseId, String database, int targetMinutes, String newestRestorableBackupSetId,
        Instant newestRestorableAt, Long ageMinutes, State state, String reason) {

    public enum State { MET, BREACHED, UNKNOWN }
}
