package io.wfdr.spine.problem;

import java.util.ArrayList;
import java.util.List;

/** Collects every rule a request breaks, so the caller hears of all of them at once. */
public final class Violations {

    private final List<Problem.FieldError> errors = new ArrayList<>();

    public Violations add(String field, String message) {
        errors.add(new Problem.FieldError(field, message));
        return this;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public List<Problem.FieldError> errors() {
        return List.copyOf(errors);
    }

    /** Throws a 400 listing every violation, if there is any. */
    public void throwIfAny(String what) {
        if (errors.isEmpty()) {
            return;
        }
        String detail = errors.size() == 1 ? what + " breaks a rule: " + errors.get(0).field() + " "
                + errors.get(0).message()
                : what + " breaks " + errors.size() + " rules; see errors";
        throw new InvalidRequestProblem(detail, errors);
    }
}
