package io.wfdr.inventory.domain;

import io.wfdr.spine.problem.ConflictProblem;

/** A state change that makes no sense from where the server or pair stands (HTTP 409). */
public class TransitionRefused extends ConflictProblem {

    public TransitionRefused(String detail) {
        super(detail);
    }
}
