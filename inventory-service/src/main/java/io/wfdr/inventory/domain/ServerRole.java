package io.wfdr.inventory.domain;

/** The roles the guide names. The Workflow Web Server and the iProcess Engine may share one machine. */
public enum ServerRole {
    TRANSFLO_SERVER, WORKFLOW_IPROCESS_ENGINE, WORKFLOW_WEB_SERVER, DATABASE_SERVER
}
