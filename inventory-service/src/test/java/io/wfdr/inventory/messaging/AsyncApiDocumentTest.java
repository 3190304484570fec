package io.wfdr.inventory.messaging;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.wfdr.spine.events.EventType;
import org.junit.jupiter.api.Test;

/** Every event type the inventory publishes and every command it accepts is documented in the AsyncAPI file. */
class AsyncApiDocumentTest {

    private static final List<Class<?>> EVENTS = List.of(ServerStateChanged.class, ServerRenamed.class,
            ServersPaired.class, ServersUnpaired.class, PairFailedOver.class, PairFailedBack.class,
            DeploymentRecorded.class, DriftDetected.class, DriftResolved.class, CommandRejected.class,
            DatabaseTakenOver.class, ServerRehosted.class);

    @Test
    void everyInventoryEventAndCommandTypeIsInTheAsyncApiDocument() throws IOException {
        String document = Files.readString(Path.of("..", "asyncapi", "wfdr.asyncapi.yaml"));
        List<String> types = new ArrayList<>();
        EVENTS.forEach(c -> types.add(c.getAnnotation(EventType.class).value()));
        Stream.of("environment", "site", "host", "server", "database", "login", "dsn").forEach(entity ->
                Stream.of("registered", "updated", "removed")
                        .forEach(what -> types.add("wfdr.inventory." + entity + "." + what + ".v1")));
        types.add("wfdr.inventory.deployment.removed.v1");
        types.addAll(List.of(InventoryCommandConsumer.BRING_ONLINE, InventoryCommandConsumer.BRING_OFFLINE,
                InventoryCommandConsumer.FAIL_OVER, InventoryCommandConsumer.FAIL_BACK,
                InventoryCommandConsumer.TAKE_OVER, InventoryCommandConsumer.REHOST));
        for (String type : types) {
            assertTrue(document.contains("name: " + type + "\n"), type + " is not in asyncapi/wfdr.asyncapi.yaml");
        }
    }
}
