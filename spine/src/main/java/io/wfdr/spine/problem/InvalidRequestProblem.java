package io.wfdr.spine.problem;

import java.util.List;

/** Rules a request breaks that bean validation cannot see; each broken rule names its field: 400. */
public class InvalidRequestProblem extends RuntimeException {

    private final transient List<Problem.FieldError> errors;

    public InvalidRequestProblem(String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
