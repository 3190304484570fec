package io.wfdr.backup.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.wfdr.backup.service.Republisher;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.MalformedEventException;
import io.wfdr.spine.inbox.EventInbox;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * What other services ask of the backup service on {@code wfdr.backup.commands}: {@code republish} sends the catalog
 * again for a consumer that started late. An unreadable command goes to the dead-letter topic; a readable one the
 * service refuses becomes a {@link CommandRejected} event.
 */
@ApplicationScoped
public class BackupCommandConsumer {

    public static final String CHANNEL = "backup-commands";
    public static final String REPUBLISH = "wfdr.backup.republish.v1";
    static final int MAX_REASON = 500;

    private final EventInbox inbox;
    private final Republisher republisher;
    private final BackupEvents events;

    BackupCommandConsumer(EventInbox inbox, Republisher republisher, BackupEvents events) {
        this.inbox = inbox;
        this.republisher = republisher;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onCommand(ConsumerRecord<String, String> record) {
        inbox.receiveCommand(CHANNEL, record, "databaseId", this::apply, (command, databaseId, reason) ->
                events.publish(databaseId, "command/" + command.id(),
                        new CommandRejected(command.id(), command.type(), databaseId, reason)));
    }

    private void apply(IncomingEvent command) {
        if (!REPUBLISH.equals(command.type())) {
            throw new MalformedEventException("the backup service accepts no command of type " + command.type());
        }
        String databaseId = optionalText(command.data(), "databaseId", 36);
        String reason = optionalText(command.data(), "reason", MAX_REASON);
        republisher.request(command.id(), databaseId, command.source(), reason);
    }

    private static String optionalText(JsonNode data, String field, int maxLength) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > maxLength) {
            throw new InvalidRequestProblem(field + " must be text of at most " + maxLength + " characters",
                    List.of(new Problem.FieldError(field, "must be text of at most " + maxLength + " characters")));
        }
        return value.asText();
    }
}
