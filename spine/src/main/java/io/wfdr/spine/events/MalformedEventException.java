package io.wfdr.spine.events;

/** A message that no retry can make processable: it goes to the dead-letter topic at once. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
