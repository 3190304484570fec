package io.wfdr.spine.inbox;

import java.time.Instant;

/**
 * A message the inbox stopped trying: unreadable or invalid at once, or failing for a reason that is not transient
 * after the configured attempts. Its message is the last failure's; the dead-letter topic gets the attempts and the
 * time of the first failure with it.
 */
public class GivenUp extends RuntimeException {

    private final int attempts;
    private final Instant firstFailure;

    GivenUp(int attempts, Instant firstFailure, RuntimeException last) {
        super(last.getMessage(), last);
        this.attempts = attempts;
        this.firstFailure = firstFailure;
    }

    public int attempts() {
        return attempts;
    }

    public Instant firstFailure() {
        return firstFailure;
    }
}
