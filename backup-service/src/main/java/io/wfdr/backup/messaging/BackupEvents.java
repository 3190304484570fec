package io.wfdr.backup.messaging;

import io.wfdr.spine.events.Topics;
import io.wfdr.spine.outbox.EventOutbox;
import jakarta.enterprise.context.ApplicationScoped;

/** Backup facts on {@code wfdr.backup.events}, through the outbox, keyed by the database id. */
@ApplicationScoped
public class BackupEvents {

    public static final String TOPIC = Topics.events("backup");

    private final EventOutbox outbox;

    BackupEvents(EventOutbox outbox) {
        this.outbox = outbox;
    }

    public void publish(String databaseId, String databaseName, Object event) {
        outbox.record(TOPIC, databaseId, "database/" + databaseName, event);
    }
}
