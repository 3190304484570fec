package io.wfdr.inventory.domain;

/** The two databases the guide protects: the Workflow database (TFLOWF) and the TRANSFLO database. */
public enum DatabaseKind {
    WORKFLOW, TRANSFLO
}
