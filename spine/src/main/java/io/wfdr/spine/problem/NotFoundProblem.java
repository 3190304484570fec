package io.wfdr.spine.problem;

/** The request names something that does not exist: 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what, Object id) {
        super(what + " " + id + " does not exist");
    }
}
