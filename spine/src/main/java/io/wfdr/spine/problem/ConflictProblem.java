package io.wfdr.spine.problem;

/** The request is well-formed but clashes with the current state (a duplicate, a transition that makes no sense): 409. */
public class ConflictProblem extends RuntimeException {

    public ConflictProblem(String detail) {
        super(detail);
    }
}
