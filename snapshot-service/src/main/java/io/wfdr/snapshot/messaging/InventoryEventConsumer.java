package io.wfdr.snapshot.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.wfdr.spine.inbox.EventInbox;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads {@code wfdr.inventory.events} once per event (inbox), into the snapshot service's own inventory view. */
@ApplicationScoped
public class InventoryEventConsumer {

    public static final String CHANNEL = "inventory-events";

    private final EventInbox inbox;
    private final InventoryView view;

    InventoryEventConsumer(EventInbox inbox, InventoryView view) {
        this.inbox = inbox;
        this.view = view;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onEvent(ConsumerRecord<String, String> record) {
        inbox.receive(CHANNEL, record, view::apply);
    }
}
