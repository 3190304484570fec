package io.wfdr.inventory.domain;

/** What is deployed to a Workflow server: a Workflow process or a form. */
public enum DeploymentKind {
    PROCESS, FORM
}
