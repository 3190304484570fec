package io.wfdr.inventory.domain;

/** Where a server stands: DR servers wait offline (standby) until a failover or a deployment brings them online. */
public enum ServerState {
    ONLINE, OFFLINE_STANDBY, FAILED, DECOMMISSIONED
}
