package io.wfdr.restore.sqlserver;

/**
 * A database as {@code sys.databases} shows it: {@code state_desc} (ONLINE, RESTORING, RECOVERING, SUSPECT, OFFLINE,
 * ...), {@code user_access_desc} (MULTI_USER, SINGLE_USER, RESTRICTED_USER), {@code recovery_model_desc} (FULL,
 * BULK_LOGGED, SIMPLE).
 */
public record DatabaseState(String name, String state, String userAccess, String recoveryModel) {

    public boolean online() {
        return "ONLINE".equals(state);
    }
}
