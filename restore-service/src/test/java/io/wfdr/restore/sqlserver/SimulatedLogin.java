package io.wfdr.restore.sqlserver;

/** A SQL login on the simulated server (sys.server_principals, type S). */
record SimulatedLogin(String name, String sidHex, boolean checkPolicy) {
}
