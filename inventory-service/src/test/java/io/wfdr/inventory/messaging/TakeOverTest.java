package io.wfdr.inventory.messaging;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.api.InventoryApi;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The guide's recovery, last step, on the inventory's side: restore-service's {@code database.take-over} command makes
 * the restored TFLOWF_DR the database Workflow uses, points the TFLOWF DSN at it and tells the other services.
 */
@QuarkusTest
class TakeOverTest extends InventoryTest {

    private static final String EVENTS = "wfdr.inventory.events";
    private static final String COMMANDS = "wfdr.inventory.commands";
    private static final String REJECTED = "wfdr.inventory.command.rejected.v1";
    private static final String TAKEN_OVER = "wfdr.inventory.database.taken-over.v1";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestTopics topics = TestTopics.ofTestBroker();

    /** Production TFLOWF on its SQL Server, the DR SQL Server, and the DR iProcess Engine's DSN still at production. */
    record Recovery(String environmentId, String drSiteId, String productionSql, String drSql, String drWorkflow,
            String production, String login, String dsn) {
    }

    @Test
    void theTakeOverRegistersTheRestoredDatabaseLikeProductionAndMakesItTheActiveOne() {
        Recovery r = recovery();
        send(r.production(), command(r, "TFLOWF_DR"));
        awaitEvent(r.production(), TAKEN_OVER);

        String restored = as("viewer").queryParam("serverId", r.drSql()).get("/api/databases").then()
                .statusCode(200).body("total", equalTo(1), "items[0].name", equalTo("TFLOWF_DR"),
                        "items[0].kind", equalTo("WORKFLOW"), "items[0].environmentId", equalTo(r.environmentId()),
                        "items[0].recoveryModel", equalTo("FULL"), "items[0].rpoMinutes", equalTo(15),
                        "items[0].rtoMinutes", equalTo(240), "items[0].active", equalTo(true),
                        "items[0].takesOverFrom", equalTo(r.production()))
                .extract().path("items[0].id");
        assertNotEquals(r.production(), restored);
        as("viewer").get("/api/databases/" + r.production()).then().statusCode(200)
                .body("active", equalTo(false), "takesOverFrom", nullValue(), "serverId", equalTo(r.productionSql()));
    }

    @Test
    void aRegisteredDatabaseIsActiveAndReplacesNone() {
        Recovery r = recovery();
        as("viewer").get("/api/databases/" + r.production()).then().statusCode(200)
                .body("active", equalTo(true), "takesOverFrom", nullValue());
    }

    @Test
    void theTakeOverPointsTheDsnAtTheRestoredDatabaseWithTheDrServersLogin() {
        Recovery r = recovery();
        send(r.production(), command(r, "TFLOWF_DR"));
        awaitEvent(r.production(), TAKEN_OVER);

        String loginId = as("viewer").get("/api/dsns/" + r.dsn()).then().statusCode(200)
                .body("targetServerId", equalTo(r.drSql()), "defaultDatabase", equalTo("TFLOWF_DR"),
                        "serverId", equalTo(r.drWorkflow()))
                .extract().path("loginId");
        as("viewer").get("/api/logins/" + loginId).then().statusCode(200)
                .body("name", equalTo("tfwfowner"), "serverId", equalTo(r.drSql()),
                        "sid", equalTo("0x1F2E3D4C5B6A79880716253443526170"),
                        "secretRef", equalTo("env:TFWFOWNER_PASSWORD"));
    }

    @Test
    void aRestoredDatabaseTheInventoryKnewIsBroughtInLineWithProductionAndUpdated() {
        Recovery r = recovery();
        String known = InventoryApi.create("/api/databases", Map.of("name", "TFLOWF_DR", "kind", "TRANSFLO",
                "serverId", r.drSql(), "recoveryModel", "SIMPLE", "rpoMinutes", 600, "rtoMinutes", 900));
        send(r.production(), command(r, "tflowf_dr"));
        awaitEvent(r.production(), TAKEN_OVER);

        JsonNode updated = readJson(awaitEvent(known, "wfdr.inventory.database.updated.v1"));
        assertEquals("WORKFLOW", updated.get("kind").asText());
        assertEquals("FULL", updated.get("recoveryModel").asText());
        assertEquals(15, updated.get("rpoMinutes").asInt());
        assertTrue(updated.get("active").asBoolean());
        assertEquals(r.production(), updated.get("takesOverFrom").asText());
        as("viewer").queryParam("serverId", r.drSql()).get("/api/databases").then().body("total", equalTo(1));
    }

    @Test
    void theTakeOverPublishesTheDatabaseDsnAndTakenOverEventsAsTheAsyncApiDocumentDescribesThem() {
        Recovery r = recovery();
        String runbook = UUID.randomUUID().toString();
        send(r.production(), command(r, "TFLOWF_DR", runbook));
        JsonNode takenOver = readJson(awaitEvent(r.production(), TAKEN_OVER));
        String restored = takenOver.get("toDatabaseId").asText();

        assertEquals(Map.of("fromDatabaseId", r.production(), "toDatabaseId", restored, "serverId", r.drSql(),
                "dsnId", r.dsn(), "runbookId", runbook, "reason", "runbook verified TFLOWF_DR",
                "ticketId", "INC-4711"), JSON.convertValue(takenOver, Map.class));
        JsonNode registered = readJson(awaitEvent(restored, "wfdr.inventory.database.registered.v1"));
        assertEquals(r.production(), registered.get("takesOverFrom").asText());
        JsonNode production = readJson(awaitEvent(r.production(), "wfdr.inventory.database.updated.v1"));
        assertTrue(!production.get("active").asBoolean() && production.get("takesOverFrom").isNull());
        JsonNode dsn = readJson(awaitEvent(r.dsn(), "wfdr.inventory.dsn.updated.v1"));
        assertEquals(r.drSql(), dsn.get("targetServerId").asText());
        assertEquals("TFLOWF_DR", dsn.get("defaultDatabase").asText());
    }

    @Test
    void theSameTakeOverAgainChangesNothingAndPublishesNothingNew() {
        Recovery r = recovery();
        String runbook = UUID.randomUUID().toString();
        String commandId = UUID.randomUUID().toString();
        send(commandId, r.production(), command(r, "TFLOWF_DR", runbook), Map.of());
        awaitEvent(r.production(), TAKEN_OVER);

        send(commandId, r.production(), command(r, "TFLOWF_DR", runbook), Map.of());
        send(r.production(), command(r, "TFLOWF_DR", runbook));
        String different = UUID.randomUUID().toString();
        send(different, r.production(), command(r, "TFLOWF_DR2", runbook), Map.of());
        awaitRejection(r.production(), different);

        List<ConsumerRecord<String, String>> published = topics.readAll(EVENTS, Duration.ofSeconds(3)).stream()
                .filter(e -> r.production().equals(e.key()) || r.dsn().equals(e.key())).toList();
        assertEquals(1, count(published, TAKEN_OVER), "one taken-over event");
        assertEquals(1, count(published, "wfdr.inventory.database.updated.v1"), "production updated once");
        assertEquals(1, count(published, "wfdr.inventory.dsn.updated.v1"), "the DSN repointed once");
        assertEquals(1, count(published, REJECTED), "only the different take-over was rejected");
        as("viewer").queryParam("serverId", r.drSql()).get("/api/databases").then().body("total", equalTo(1),
                "items[0].name", equalTo("TFLOWF_DR"));
    }

    @Test
    void anotherTakeOverOfADatabaseAlreadyTakenOverIsRejectedWithTheReason() {
        Recovery r = recovery();
        send(r.production(), command(r, "TFLOWF_DR"));
        awaitEvent(r.production(), TAKEN_OVER);
        String again = UUID.randomUUID().toString();
        send(again, r.production(), command(r, "TFLOWF_DR"), Map.of());

        String reason = awaitRejection(r.production(), again).get("reason").asText();
        assertTrue(reason.contains("already taken over by TFLOWF_DR"), reason);
    }

    @Test
    void aTakeOverOfAnUnknownDatabaseServerOrDsnIsRejectedAndChangesNothing() {
        Recovery r = recovery();
        String unknown = UUID.randomUUID().toString();
        Map<String, Object> data = command(r, "TFLOWF_DR");
        data.put("serverId", unknown);
        data.put("dsnId", unknown);
        assertRefused(r, data, "serverId no server has the id " + unknown, "dsnId no ODBC DSN has the id " + unknown);

        String noDatabase = UUID.randomUUID().toString();
        Map<String, Object> forNoDatabase = command(r, "TFLOWF_DR");
        forNoDatabase.put("databaseId", noDatabase);
        String id = UUID.randomUUID().toString();
        send(id, noDatabase, forNoDatabase, Map.of());
        String reason = awaitRejection(noDatabase, id).get("reason").asText();
        assertTrue(reason.contains("no database has the id " + noDatabase), reason);
    }

    @Test
    void aTakeOverOntoAServerThatIsNotADatabaseServerIsRejected() {
        Recovery r = recovery();
        Map<String, Object> data = command(r, "TFLOWF_DR");
        data.put("serverId", r.drWorkflow());
        assertRefused(r, data, "is not a database server");
    }

    @Test
    void aTakeOverOntoAServerOfAnotherEnvironmentIsRejected() {
        Recovery r = recovery();
        String elsewhere = InventoryApi.registerServer(InventoryApi.site(InventoryApi.environment(), "DR"), null,
                "DATABASE_SERVER");
        Map<String, Object> data = command(r, "TFLOWF_DR");
        data.put("serverId", elsewhere);
        assertRefused(r, data, "belongs to another environment than TFLOWF");
    }

    @Test
    void aTakeOverWithADsnOfAnotherEnvironmentIsRejected() {
        Recovery r = recovery();
        Recovery other = recovery();
        Map<String, Object> data = command(r, "TFLOWF_DR");
        data.put("dsnId", other.dsn());
        assertRefused(r, data, "DSN TFLOWF belongs to another environment than TFLOWF");
        as("viewer").get("/api/dsns/" + other.dsn()).then().body("targetServerId", equalTo(other.productionSql()));
    }

    @Test
    void aTakeOverUnderANameThatIsNotASqlServerIdentifierIsRejected() {
        Recovery r = recovery();
        assertRefused(r, command(r, "TFLOWF\u0001DR"), "name is not a valid SQL Server identifier");
        assertRefused(r, command(r, "T".repeat(129)), "at most 128 characters");
        assertRefused(r, command(r, "  "), "name is not a valid SQL Server identifier");
    }

    @Test
    void theTakeOverIsAuditedWithTheRequestingActorTheDatabaseAndTheTicket() {
        Recovery r = recovery();
        String requestId = "req-" + UUID.randomUUID();
        send(UUID.randomUUID().toString(), r.production(), command(r, "TFLOWF_DR"),
                Map.of("ce_actor", "dba.jones", "ce_requestid", requestId));
        Awaitility.await().atMost(WAIT).untilAsserted(() -> as("approver").queryParam("requestId", requestId)
                .get("/api/audit").then().body("total", equalTo(1), "items[0].channel", equalTo("KAFKA"),
                        "items[0].actorSubject", equalTo("dba.jones"),
                        "items[0].action", equalTo(InventoryCommandConsumer.TAKE_OVER),
                        "items[0].resourceId", equalTo(r.production()), "items[0].ticketId", equalTo("INC-4711"),
                        "items[0].outcome", equalTo("SUCCEEDED")));
    }

    /** The command is rejected for the reasons given, and the inventory is as it was. */
    private void assertRefused(Recovery r, Map<String, Object> data, String... reasons) {
        String id = UUID.randomUUID().toString();
        send(id, r.production(), data, Map.of());
        String reason = awaitRejection(r.production(), id).get("reason").asText();
        for (String expected : reasons) {
            assertTrue(reason.contains(expected), reason);
        }
        as("viewer").get("/api/databases/" + r.production()).then().body("active", equalTo(true));
        as("viewer").queryParam("serverId", r.drSql()).get("/api/databases").then().body("total", equalTo(0));
        as("viewer").get("/api/dsns/" + r.dsn()).then().body("targetServerId", equalTo(r.productionSql()),
                "defaultDatabase", equalTo("TFLOWF"), "loginId", equalTo(r.login()));
        assertTrue(topics.readAll(EVENTS, Duration.ofSeconds(1)).stream().noneMatch(e ->
                TAKEN_OVER.equals(TestTopics.header(e, "ce_type")) && r.production().equals(e.key())));
    }

    static Recovery recovery() {
        String environment = InventoryApi.environment();
        String productionSite = InventoryApi.site(environment, "PRODUCTION");
        String drSite = InventoryApi.site(environment, "DR");
        String productionSql = InventoryApi.registerServer(productionSite, null, "DATABASE_SERVER");
        String drSql = InventoryApi.registerServer(drSite, null, "DATABASE_SERVER");
        String drWorkflow = InventoryApi.registerServer(drSite, null, "WORKFLOW_IPROCESS_ENGINE");
        String production = InventoryApi.create("/api/databases", Map.of("name", "TFLOWF", "kind", "WORKFLOW",
                "serverId", productionSql, "recoveryModel", "FULL", "rpoMinutes", 15, "rtoMinutes", 240));
        String login = InventoryApi.create("/api/logins", Map.of("name", "tfwfowner", "serverId", productionSql,
                "sid", "0x1F2E3D4C5B6A79880716253443526170", "secretRef", "env:TFWFOWNER_PASSWORD"));
        String dsn = InventoryApi.create("/api/dsns", Map.of("name", "TFLOWF", "serverId", drWorkflow,
                "bitness", 32, "targetServerId", productionSql, "defaultDatabase", "TFLOWF", "loginId", login));
        return new Recovery(environment, drSite, productionSql, drSql, drWorkflow, production, login, dsn);
    }

    static Map<String, Object> command(Recovery r, String name) {
        return command(r, name, UUID.randomUUID().toString());
    }

    static Map<String, Object> command(Recovery r, String name, String runbookId) {
        Map<String, Object> data = new HashMap<>();
        data.put("databaseId", r.production());
        data.put("serverId", r.drSql());
        data.put("name", name);
        data.put("dsnId", r.dsn());
        data.put("runbookId", runbookId);
        data.put("reason", "runbook verified " + name);
        data.put("ticketId", "INC-4711");
        return data;
    }

    private void send(String key, Map<String, Object> data) {
        send(UUID.randomUUID().toString(), key, data, Map.of());
    }

    /** As restore-service sends it: CloudEvents headers, keyed by the production database. */
    private void send(String id, String key, Map<String, Object> data, Map<String, String> extensions) {
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id,
                "ce_type", InventoryCommandConsumer.TAKE_OVER, "ce_source", "/wfdr/restore-service",
                "ce_actor", "dba.jones", "content-type", "application/json"));
        headers.putAll(extensions);
        try {
            topics.send(COMMANDS, key, JSON.writeValueAsString(data), headers);
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
        return readJson(topics.await(EVENTS, r -> key.equals(r.key())
                && REJECTED.equals(TestTopics.header(r, "ce_type")) && r.value().contains(commandId), WAIT)
                .orElseThrow(() -> new AssertionError("no rejection of " + commandId + " on " + EVENTS)));
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
