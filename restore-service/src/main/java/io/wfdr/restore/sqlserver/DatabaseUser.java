package io.wfdr.restore.sqlserver;

/**
 * A database user: its name, SID, type (S SQL user, U Windows user, G Windows group) and the name of the server
 * login with the same SID, or null when there is none (an orphaned user).
 */
public record DatabaseUser(String name, byte[] sid, String type, String loginName) {

    public boolean orphaned() {
        return loginName == null;
    }
}
