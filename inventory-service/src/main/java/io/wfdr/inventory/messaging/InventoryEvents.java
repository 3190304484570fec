package io.wfdr.inventory.messaging;

import io.wfdr.inventory.repository.InventoryRevisionRepository;
import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Every change of the inventory as an event on {@code wfdr.inventory.events}, written to the outbox in the
 * transaction of the change. Registered / updated / removed events carry the entity's public view and are typed
 * {@code wfdr.inventory.<entity>.<registered|updated|removed>.v1}. Since every change passes here, this is also
 * where the change moves the inventory's revision, against which list pages are cached.
 */
@ApplicationScoped
public class InventoryEvents {

    public static final String TOPIC = Topics.events("inventory");

    private final EventOutbox outbox;
    private final InventoryRevisionRepository revision;

    InventoryEvents(EventOutbox outbox, InventoryRevisionRepository revision) {
        this.outbox = outbox;
        this.revision = revision;
    }

    public void registered(String entity, String id, String name, Object view) {
        lifecycle(entity, "registered", id, name, view);
    }

    public void updated(String entity, String id, String name, Object view) {
        lifecycle(entity, "updated", id, name, view);
    }

    public void removed(String entity, String id, String name, Object view) {
        lifecycle(entity, "removed", id, name, view);
    }

    /** An event with its own payload class, e.g. {@link ServerStateChanged}. */
    public void publish(String aggregateId, String subject, Object event) {
        outbox.record(TOPIC, aggregateId, subject, event);
        revision.advanceWithThisTransaction();
    }

    private void lifecycle(String entity, String what, String id, String name, Object view) {
        outbox.record(TOPIC, id, entity + "/" + name, "wfdr.inventory." + entity + "." + what + ".v1", view);
        revision.advanceWithThisTransaction();
    }
}
