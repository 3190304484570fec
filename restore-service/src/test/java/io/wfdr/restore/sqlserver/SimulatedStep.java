package io.wfdr.restore.sqlserver;

/**
 * What a statement will do once its checks have passed: {@code apply} when it runs to its end, {@code abort} when
 * it is stopped half-way (a full restore stopped during its copy leaves the database RESTORING and unusable, as on
 * the real server). Both run under the server's monitor.
 */
interface SimulatedStep {

    void apply();

    default void abort() {
    }
}
