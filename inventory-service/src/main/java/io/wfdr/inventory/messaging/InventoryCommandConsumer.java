package io.wfdr.inventory.messaging;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.wfdr.inventory.service.FailoverService;
import io.wfdr.inventory.service.RehostCommand;
import io.wfdr.inventory.service.RehostService;
import io.wfdr.inventory.service.TakeOverCommand;
import io.wfdr.inventory.service.TakeOverService;
import io.wfdr.spine.events.IncomingEvent;
import io.wfdr.spine.events.MalformedEventException;
import io.wfdr.spine.inbox.EventInbox;
import io.wfdr.spine.problem.InvalidRequestProblem;
import io.wfdr.spine.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The state transitions other services (the restore service's runbooks) ask for on {@code wfdr.inventory.commands},
 * the take-over of a production database by its restored copy that ends a database recovery, and the snapshot
 * service's rehost of a virtual machine it rebuilt on another VM host (or moved back at failback).
 * A command that cannot be read goes to the dead-letter topic; a readable command the inventory refuses (from a
 * service that may not ask, naming no actor, a transition that makes no sense, an unknown server, a reason the REST
 * call would refuse) becomes a {@link CommandRejected} event, so the asker learns why.
 */
@ApplicationScoped
public class InventoryCommandConsumer {

    public static final String CHANNEL = "inventory-commands";
    public static final String BRING_ONLINE = "wfdr.inventory.server.bring-online.v1";
    public static final String BRING_OFFLINE = "wfdr.inventory.server.bring-offline.v1";
    public static final String FAIL_OVER = "wfdr.inventory.pair.fail-over.v1";
    public static final String FAIL_BACK = "wfdr.inventory.pair.fail-back.v1";
    public static final String TAKE_OVER = "wfdr.inventory.database.take-over.v1";
    public static final String REHOST = "wfdr.inventory.server.rehost.v1";

    private static final String SOURCE_PREFIX = "/wfdr/";

    private final EventInbox inbox;
    private final FailoverService failover;
    private final TakeOverService takeOver;
    private final RehostService rehost;
    private final InventoryEvents events;
    private final List<String> rehostSenders;

    InventoryCommandConsumer(EventInbox inbox, FailoverService failover, TakeOverService takeOver,
            RehostService rehost, InventoryEvents events,
            @ConfigProperty(name = "wfdr.inventory.commands.rehost.senders") List<String> rehostSenders) {
        this.inbox = inbox;
        this.failover = failover;
        this.takeOver = takeOver;
        this.rehost = rehost;
        this.events = events;
        this.rehostSenders = rehostSenders;
    }

    @Incoming(CHANNEL)
    @Blocking(ordered = true)
    public void onCommand(ConsumerRecord<String, String> record) {
        inbox.receiveCommand(CHANNEL, record, subjectField(record), this::apply, (command, subjectId, reason) ->
                events.publish(subjectId, "command/" + command.id(),
                        new CommandRejected(command.id(), command.type(), subjectId, reason)));
    }

    private void apply(IncomingEvent command) {
        switch (command.type()) {
            case BRING_ONLINE -> failover.bringOnline(id(command, "serverId"), reason(command));
            case BRING_OFFLINE -> failover.bringOffline(id(command, "serverId"), reason(command));
            case FAIL_OVER -> failover.failOver(id(command, "pairId"), reason(command));
            case FAIL_BACK -> failover.failBack(id(command, "pairId"), reason(command));
            case TAKE_OVER -> takeOver.takeOver(takeOverCommand(command));
            case REHOST -> {
                onlyFrom(command, rehostSenders);
                rehost.rehost(new RehostCommand(id(command, "serverId"), id(command, "hostId"),
                        id(command, "operationId"), optionalText(command, "reason")));
            }
            default -> throw new MalformedEventException("the inventory accepts no command of type " + command.type());
        }
    }

    /**
     * A command only some of the services that may write the topic may send (the broker's ACLs are per topic, not
     * per command type): refused, like a command from a service that may send none, in words.
     */
    private static void onlyFrom(IncomingEvent command, List<String> senders) {
        String source = command.source();
        String sender = source.startsWith(SOURCE_PREFIX) ? source.substring(SOURCE_PREFIX.length()) : source;
        if (!senders.contains(sender)) {
            String message = command.type() + " is accepted only from " + String.join(", ", senders) + ", not from "
                    + sender;
            throw new InvalidRequestProblem("ce_source: " + message,
                    List.of(new Problem.FieldError("ce_source", message)));
        }
    }

    /** What a command is about, for its audit record: a server, a pair or a database. */
    private static String subjectField(ConsumerRecord<String, String> record) {
        var type = record.headers().lastHeader("ce_type");
        String name = type == null ? "" : new String(type.value(), java.nio.charset.StandardCharsets.UTF_8);
        return name.startsWith("wfdr.inventory.pair.") ? "pairId"
                : name.startsWith("wfdr.inventory.database.") ? "databaseId" : "serverId";
    }

    /** The ids are needed to read the command at all; the name is judged by the take-over's rules. */
    private static TakeOverCommand takeOverCommand(IncomingEvent command) {
        JsonNode name = command.data().get("name");
        if (name == null || !name.isTextual()) {
            throw new MalformedEventException(command.type() + " needs name, the restored database's name");
        }
        return new TakeOverCommand(id(command, "databaseId"), id(command, "serverId"), name.asText(),
                id(command, "dsnId"), id(command, "runbookId"), optionalText(command, "reason"),
                optionalText(command, "ticketId"));
    }

    private static String optionalText(IncomingEvent command, String field) {
        JsonNode value = command.data().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedEventException(command.type() + " needs " + field + " as text or null");
        }
        return value.asText();
    }

    private static String id(IncomingEvent command, String field) {
        JsonNode value = command.data().get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new MalformedEventException(command.type() + " needs " + field);
        }
        return value.asText();
    }

    private static String reason(IncomingEvent command) {
        JsonNode reason = command.data().get("reason");
        String source = command.source();
        return reason != null && reason.isTextual() ? reason.asText() : "requested by " + source;
    }
}
