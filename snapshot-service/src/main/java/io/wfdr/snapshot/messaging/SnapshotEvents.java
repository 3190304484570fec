package io.wfdr.snapshot.messaging;

import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Snapshot facts on {@code wfdr.snapshot.events}, through the outbox (in the caller's transaction), keyed by the VM
 * id so one VM's events stay in order; the subject is {@code vm/<name>}.
 */
@ApplicationScoped
public class SnapshotEvents {

    public static final String TOPIC = Topics.events("snapshot");

    private final EventOutbox outbox;

    SnapshotEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    /** @return the CloudEvents id given to the event */
    public String publish(String vmId, String vmName, Object event) {
        return outbox.record(TOPIC, vmId, "vm/" + vmName, event);
    }
}
