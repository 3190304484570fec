package io.wfdr.spine.inbox;

import io.wfdr.spine.events.IncomingEvent;

/** How a service tells the asker that it refused a command: its own {@code command.rejected} event. */
@FunctionalInterface
public interface CommandRefusal {

    /**
     * Publishes the rejection, in the transaction that records the command as handled.
     *
     * @param subjectId what the command was about (its subject field), or null when it named nothing
     */
    void publish(IncomingEvent command, String subjectId, String reason);
}
