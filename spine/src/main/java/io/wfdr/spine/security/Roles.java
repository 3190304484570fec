package io.wfdr.spine.security;

/**
 * The four roles of every wfdr API. Each role includes the ones below it in {@link RoleHierarchy}:
 * {@code admin} can do everything; {@code operator} (changes) and {@code approver} (approvals) can also read.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String APPROVER = "approver";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
