package io.wfdr.spine.sqlserver;

/** One error SQL Server reported, with its number (see shared/reference/sqlserver.md for the ones that matter). */
public record SqlServerError(int number, int severity, String message) {

    /** 3013 "... is terminating abnormally" only trails the error that says why. */
    public static final int TERMINATING_ABNORMALLY = 3013;
}
