package io.wfdr.restore.service.recovery;

/** A step cannot go on, for a reason it states in words an operator can act on. */
public class StepFailure extends Exception {

    public StepFailure(String message) {
        super(message);
    }

    public StepFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
