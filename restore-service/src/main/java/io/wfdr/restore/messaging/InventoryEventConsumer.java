package io.wfdr.restore.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.wfdr.spine.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code wfdr.inventory.events} once per event (inbox), into the restore service's view of the inventory. */
@ApplicationScoped
public class InventoryEventConsumer {

    public static final String CHANNEL = "inventory-events";

    private final EventInbox inbox;
    private final InventoryView view;
    private final io.wfdr.restore.service.RunbookEngine engine;

    InventoryEventConsumer(EventInbox inbox, InventoryView view, io.wfdr.restore.service.RunbookEngine engine) {
        this.inbox = inbox;
        this.view = view;
        this.engine = engine;
    }

    /** Once the inventory's news is stored, runbooks waiting for it (a server online, a take-over) look again. */
    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive(CHANNEL, record, view::apply);
        engine.wakeWaiting();
    }
}
