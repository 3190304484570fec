package io.wfdr.inventory.messaging;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.api.InventoryApi;
import io.wfdr.inventory.repository.ServerRepository;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.TestTopics;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The rebuild on the DR host, on the inventory's side: once snapshot-service defined and started a virtual machine of
 * the lost VM host on the DR host, its {@code server.rehost} command records that the DR host (and its site) now
 * runs it; at failback the same command moves it back.
 */
@QuarkusTest
class RehostTest extends InventoryTest {

    private static final String EVENTS = "wfdr.inventory.events";
    private static final String COMMANDS = "wfdr.inventory.commands";
    private static final String REJECTED = "wfdr.inventory.command.rejected.v1";
    private static final String REHOSTED = "wfdr.inventory.server.rehosted.v1";
    private static final String UPDATED = "wfdr.inventory.server.updated.v1";
    private static final String SNAPSHOT_SERVICE = "/wfdr/snapshot-service";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTopics topics = TestTopics.ofTestBroker();

    @Inject
    ServerRepository servers;

    /** A VM on the production VM host, and the DR VM host its snapshots are replicated to. */
    record Hosts(String environmentId, String productionSite, String drSite, String productionHost, String drHost,
            String vm) {
    }

    @Test
    void theRehostMovesTheServerToTheTargetHostAndItsSiteAndBumpsItsRevision() {
        Hosts h = hosts();
        long before = revision(h.vm());
        send(h.vm(), command(h.vm(), h.drHost()));
        awaitEvent(h.vm(), REHOSTED);

        as("viewer").get("/api/servers/" + h.vm()).then().statusCode(200)
                .body("hostId", equalTo(h.drHost()), "siteId", equalTo(h.drSite()));
        assertEquals(before + 1, revision(h.vm()));
    }

    @Test
    void theRehostPublishesServerUpdatedAndRehostedAsTheAsyncApiDocumentDescribesThem() {
        Hosts h = hosts();
        String operation = UUID.randomUUID().toString();
        send(h.vm(), command(h.vm(), h.drHost(), operation));
        JsonNode rehosted = readJson(awaitEvent(h.vm(), REHOSTED));
        String name = as("viewer").get("/api/servers/" + h.vm()).then().extract().path("name");

        Map<String, Object> expected = new HashMap<>();
        expected.put("serverId", h.vm());
        expected.put("serverName", name);
        expected.put("fromHostId", h.productionHost());
        expected.put("toHostId", h.drHost());
        expected.put("fromSiteId", h.productionSite());
        expected.put("toSiteId", h.drSite());
        expected.put("operationId", operation);
        expected.put("reason", "rebuilt on the DR host");
        assertEquals(expected, JSON.convertValue(rehosted, Map.class));
        JsonNode updated = readJson(awaitEvent(h.vm(), UPDATED));
        assertEquals(h.drHost(), updated.get("hostId").asText());
        assertEquals(h.drSite(), updated.get("siteId").asText());
        assertEquals(name, updated.get("name").asText());
        assertEquals("VIRTUAL_MACHINE", updated.get("machineType").asText());
    }

    @Test
    void aRehostWithoutAReasonGivesTheOperationAsTheReason() {
        Hosts h = hosts();
        String operation = UUID.randomUUID().toString();
        Map<String, Object> data = command(h.vm(), h.drHost(), operation);
        data.put("reason", null);
        send(h.vm(), data);
        assertEquals("snapshot operation " + operation, readJson(awaitEvent(h.vm(), REHOSTED)).get("reason").asText());
    }

    @Test
    void aServerThatIsNotAVirtualMachineIsRejected() {
        Hosts h = hosts();
        String physical = InventoryApi.registerServer(h.productionSite(), null, "WORKFLOW_IPROCESS_ENGINE");
        assertRefused(physical, command(physical, h.drHost()), null, h.productionSite(),
                "serverId server", "is a PHYSICAL_MACHINE; only a VIRTUAL_MACHINE moves to another host");
    }

    @Test
    void aTargetThatIsNotAVmHostIsRejected() {
        Hosts h = hosts();
        String machine = InventoryApi.create("/api/hosts", Map.of("name", InventoryApi.uniqueName("bk-"),
                "kind", "PHYSICAL_MACHINE", "siteId", h.drSite()));
        assertRefused(h, command(h.vm(), machine), "hostId host", "is a PHYSICAL_MACHINE, not a VM_HOST");
    }

    @Test
    void aTargetHostAtASiteOfAnotherEnvironmentIsRejected() {
        Hosts h = hosts();
        String elsewhere = InventoryApi.vmHost(InventoryApi.site(InventoryApi.environment(), "DR"));
        assertRefused(h, command(h.vm(), elsewhere), "a site of another environment than server");
    }

    @Test
    void anUnknownServerOrHostIsRejectedWithTheReasonAndChangesNothing() {
        Hosts h = hosts();
        String unknown = UUID.randomUUID().toString();
        assertRefused(h, command(h.vm(), unknown), "hostId no host has the id " + unknown);

        String noServer = UUID.randomUUID().toString();
        String id = UUID.randomUUID().toString();
        send(id, noServer, command(noServer, unknown), SNAPSHOT_SERVICE, Map.of());
        String reason = awaitRejection(noServer, id).get("reason").asText();
        assertTrue(reason.contains("serverId no server has the id " + noServer), reason);
        assertTrue(reason.contains("hostId no host has the id " + unknown), reason);
    }

    @Test
    void rehostingToTheHostTheServerIsAlreadyOnChangesNothingAndPublishesNothingNew() {
        Hosts h = hosts();
        String operation = UUID.randomUUID().toString();
        String commandId = UUID.randomUUID().toString();
        send(commandId, h.vm(), command(h.vm(), h.drHost(), operation), SNAPSHOT_SERVICE, Map.of());
        awaitEvent(h.vm(), REHOSTED);
        long after = revision(h.vm());

        send(commandId, h.vm(), command(h.vm(), h.drHost(), operation), SNAPSHOT_SERVICE, Map.of());
        send(h.vm(), command(h.vm(), h.drHost(), operation));
        send(h.vm(), command(h.vm(), h.drHost()));
        String marker = UUID.randomUUID().toString();
        send(marker, h.vm(), command(h.vm(), UUID.randomUUID().toString()), SNAPSHOT_SERVICE, Map.of());
        awaitRejection(h.vm(), marker);

        List<ConsumerRecord<String, String>> published = topics.readAll(EVENTS, Duration.ofSeconds(3)).stream()
                .filter(e -> h.vm().equals(e.key())).toList();
        assertEquals(1, count(published, REHOSTED), "one rehosted event");
        assertEquals(1, count(published, UPDATED), "the server updated once");
        assertEquals(after, revision(h.vm()), "the server is as the first rehost left it");
        as("viewer").get("/api/servers/" + h.vm()).then().body("hostId", equalTo(h.drHost()),
                "siteId", equalTo(h.drSite()));
    }

    @Test
    void aFailbackIsTheSameCommandBackToTheOriginalHost() {
        Hosts h = hosts();
        send(h.vm(), command(h.vm(), h.drHost()));
        awaitEvent(h.vm(), REHOSTED);
        String failback = UUID.randomUUID().toString();
        send(h.vm(), command(h.vm(), h.productionHost(), failback));

        JsonNode back = readJson(topics.await(EVENTS, r -> h.vm().equals(r.key())
                && REHOSTED.equals(TestTopics.header(r, "ce_type")) && r.value().contains(failback), WAIT)
                .orElseThrow(() -> new AssertionError("no rehosted event of the failback")));
        assertEquals(h.drHost(), back.get("fromHostId").asText());
        assertEquals(h.productionHost(), back.get("toHostId").asText());
        assertEquals(h.drSite(), back.get("fromSiteId").asText());
        assertEquals(h.productionSite(), back.get("toSiteId").asText());
        as("viewer").get("/api/servers/" + h.vm()).then().body("hostId", equalTo(h.productionHost()),
                "siteId", equalTo(h.productionSite()));
    }

    @Test
    void aRehostFromAnotherServiceThanSnapshotServiceIsRejected() {
        Hosts h = hosts();
        String id = UUID.randomUUID().toString();
        send(id, h.vm(), command(h.vm(), h.drHost()), "/wfdr/restore-service", Map.of());
        String reason = awaitRejection(h.vm(), id).get("reason").asText();
        assertTrue(reason.contains(InventoryCommandConsumer.REHOST
                + " is accepted only from snapshot-service, not from restore-service"), reason);
        assertUnchanged(h.vm(), h.productionHost(), h.productionSite());
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("resourceId", h.vm())
                .queryParam("outcome", "REFUSED").get("/api/audit").then()
                .body("items.principal", hasItem("restore-service")));
    }

    @Test
    void aPairedServerWhosePairWouldBreakAtTheNewSiteIsRejected() {
        Hosts h = hosts();
        String dr = InventoryApi.registerServer(h.drSite(), null, "WORKFLOW_IPROCESS_ENGINE");
        InventoryApi.create("/api/pairs", Map.of("productionServerId", h.vm(), "drServerId", dr));
        assertRefused(h, command(h.vm(), h.drHost()), "would break the pair", "which is not a production site");
    }

    @Test
    void theRehostIsAuditedWithTheRequestingActorAndTheServer() {
        Hosts h = hosts();
        String requestId = "req-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), h.vm(), command(h.vm(), h.drHost()), SNAPSHOT_SERVICE,
                Map.of("ce_actor", "ops.smith", "ce_requestid", requestId));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("requestId", requestId)
                .get("/api/audit").then().body("total", equalTo(1), "items[0].channel", equalTo("KAFKA"),
                        "items[0].actorSubject", equalTo("ops.smith"), "items[0].principal",
                        equalTo("snapshot-service"), "items[0].action", equalTo(InventoryCommandConsumer.REHOST),
                        "items[0].resourceId", equalTo(h.vm()), "items[0].outcome", equalTo("SUCCEEDED")));
    }

    private void assertRefused(Hosts h, Map<String, Object> data, String... reasons) {
        assertRefused(h.vm(), data, h.productionHost(), h.productionSite(), reasons);
    }

    /** The command is rejected for the reasons given, and the server is as it was. */
    private void assertRefused(String server, Map<String, Object> data, String host, String site,
            String... reasons) {
        long before = revision(server);
        String id = UUID.randomUUID().toString();
        send(id, server, data, SNAPSHOT_SERVICE, Map.of());
        String reason = awaitRejection(server, id).get("reason").asText();
        for (String expected : reasons) {
            assertTrue(reason.contains(expected), reason);
        }
        assertUnchanged(server, host, site);
        assertEquals(before, revision(server));
    }

    private void assertUnchanged(String server, String host, String site) {
        as("viewer").get("/api/servers/" + server).then().body("hostId", equalTo(host), "siteId", equalTo(site));
        assertTrue(topics.readAll(EVENTS, Duration.ofSeconds(1)).stream().noneMatch(e -> server.equals(e.key())
                && List.of(REHOSTED, UPDATED).contains(TestTopics.header(e, "ce_type"))));
    }

    private long revision(String serverId) {
        return QuarkusTransaction.requiringNew().call(() -> servers.findById(serverId).revision);
    }

    static Hosts hosts() {
        String environment = InventoryApi.environment();
        String productionSite = InventoryApi.site(environment, "PRODUCTION");
        String drSite = InventoryApi.site(environment, "DR");
        String productionHost = InventoryApi.vmHost(productionSite);
        String drHost = InventoryApi.vmHost(drSite);
        String vm = InventoryApi.registerServer(productionSite, productionHost, "WORKFLOW_IPROCESS_ENGINE");
        return new Hosts(environment, productionSite, drSite, productionHost, drHost, vm);
    }

    static Map<String, Object> command(String serverId, String hostId) {
        return command(serverId, hostId, UUID.randomUUID().toString());
    }

    static Map<String, Object> command(String serverId, String hostId, String operationId) {
        Map<String, Object> data = new HashMap<>();
        data.put("serverId", serverId);
        data.put("hostId", hostId);
        data.put("operationId", operationId);
        data.put("reason", "rebuilt on the DR host");
        return data;
    }

    private void send(String key, Map<String, Object> data) {
        send(UUID.randomUUID().toString(), key, data, SNAPSHOT_SERVICE, Map.of());
    }

    /** As snapshot-service sends it: CloudEvents headers, keyed by the server; read through its AsyncAPI schema. */
    private void send(String id, String key, Map<String, Object> data, String source, Map<String, String> extensions) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", InventoryCommandConsumer.REHOST, "ce_source", source,
                "ce_actor", "ops.smith", "content-type", "application/json"));
        headers.putAll(extensions);
        try {
            String value = JSON.writeValueAsString(data);
            assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(InventoryCommandConsumer.REHOST, value));
            topics.send(COMMANDS, key, value, headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event, once it has been read through its AsyncAPI schema. */
    private ConsumerRecord<String, String> awaitEvent(String key, String type) {
        ConsumerRecord<String, String> event = topics.await(EVENTS,
                r -> key.equals(r.key()) && type.equals(TestTopics.header(r, "ce_type")), WAIT)
                .orElseThrow(() -> new AssertionError("no " + type + " for " + key + " on " + EVENTS));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(type, event.value()), type);
        return event;
    }

    private JsonNode awaitRejection(String key, String commandId) {
        ConsumerRecord<String, String> rejected = topics.await(EVENTS, r -> key.equals(r.key())
                && REJECTED.equals(TestTopics.header(r, "ce_type")) && r.value().contains(commandId), WAIT)
                .orElseThrow(() -> new AssertionError("no rejection of " + commandId + " on " + EVENTS));
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(REJECTED, rejected.value()), REJECTED);
        return readJson(rejected);
    }

    private static long count(List<ConsumerRecord<String, String>> events, String type) {
        return events.stream().filter(e -> type.equals(TestTopics.header(e, "ce_type"))).count();
    }

    private static JsonNode readJson(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
