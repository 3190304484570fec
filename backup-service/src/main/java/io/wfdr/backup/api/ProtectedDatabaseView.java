package io.wfdr.backup.api;

/** A database the backup service protects, as the inventory announced it, with whether it has a policy. */
public record ProtectedDatabaseView(String id, String name, String kind, String serverId, String serverName,
        String recoveryModel, int rpoMinutes, int rtoMinutes, boolean logBackupsAllowed, PolicyState policy) {

    public enum PolicyState { NONE, ACTIVE, PAUSED }
}
