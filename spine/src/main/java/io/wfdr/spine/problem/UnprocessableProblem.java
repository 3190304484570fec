package io.wfdr.spine.problem;

/** The request is readable but cannot be processed as sent (e.g. an Idempotency-Key reused for another request): 422. */
public class UnprocessableProblem extends RuntimeException {

    public UnprocessableProblem(String detail) {
        super(detail);
    }
}
