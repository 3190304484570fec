package io.wfdr.spine.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.TestTopics;
import io.wfdr.spine.SpineTestProfile;
import io.wfdr.spine.events.CloudEventHeaders;
import io.wfdr.spine.testapp.Drill;
import io.wfdr.spine.testapp.DrillService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** DESIGN.md: every change is audited — who, when, what, the outcome — and so is every denied call. */
@QuarkusTest
class AuditTrailTest extends SpineTestProfile {

    private static final String DRILL = "{\"name\":\"Site B failover drill\",\"kind\":\"PHYSICAL_MACHINE\"}";

    @Inject
    AuditTrail trail;

    @Test
    void everyChangeIsRecordedWithWhoWhatTheTicketAndTheOutcome() {
        String request = "req-" + UUID.randomUUID();
        String drill = as("operator").header("X-Request-Id", request).header("X-Ticket-Id", "CHG-4711").body(DRILL)
                .post("/api/drills").then().statusCode(201).header("X-Request-Id", request).extract().path("id");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                audit(request).body("items[0].outcome", equalTo("SUCCEEDED")));
        audit(request).body("total", equalTo(1), "items[0].action", equalTo("POST"),
                "items[0].target", equalTo("/api/drills"), "items[0].resourceId", equalTo(drill),
                "items[0].ticketId", equalTo("CHG-4711"), "items[0].status", equalTo(201),
                "items[0].outcome", equalTo("SUCCEEDED"), "items[0].channel", equalTo("REST"),
                "items[0].actorSubject", equalTo("test-operator@wfdr.local"));
        as("viewer").header("X-Request-Id", request + "-read").get("/api/drills/" + drill).then().statusCode(200);
        audit(request + "-read").body("total", equalTo(0));
    }

    @Test
    void aChangeThatRollsBackIsRecordedOnlyAsItsRefusal() {
        String drill = as("operator").body(DRILL).post("/api/drills").then().statusCode(201).extract().path("id");
        String request = "req-" + UUID.randomUUID();

        as("operator").header("X-Request-Id", request).post("/api/drills/" + drill + "/runs").then().statusCode(409);

        audit(request).body("total", equalTo(1), "items[0].outcome", equalTo("REFUSED"),
                "items[0].status", equalTo(409), "items[0].target", equalTo("/api/drills/{id}/runs"),
                "items[0].resourceId", equalTo(drill));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> Drill.<Drill>findById(drill).runsCounted),
                "the change rolled back with the record of its success");
    }

    @Test
    void aChangesRecordCommitsAndRollsBackWithTheChange() {
        String committed = "req-" + UUID.randomUUID();
        String rolledBack = "req-" + UUID.randomUUID();

        changeInACall(committed, true);
        changeInACall(rolledBack, false);

        audit(committed).body("total", equalTo(1), "items[0].outcome", equalTo("COMMITTED"));
        audit(rolledBack).body("total", equalTo(0));
    }

    private static void changeInACall(String requestId, boolean commit) {
        var requests = io.quarkus.arc.Arc.container().requestContext();
        requests.activate();
        try {
            AuditContext context = AuditContext.current();
            context.requestedAs(requestId);
            context.call().audited = true;
            context.call().action = "POST";
            context.call().target = "/api/drills";
            QuarkusTransaction.begin();
            Drill drill = new Drill();
            drill.id = UUID.randomUUID().toString();
            drill.name = "in a call";
            drill.kind = Drill.Kind.VIRTUAL_MACHINE;
            drill.scheduledAt = Instant.now();
            drill.persist();
            if (commit) {
                QuarkusTransaction.commit();
            } else {
                QuarkusTransaction.rollback();
            }
        } finally {
            requests.terminate();
        }
    }

    @Test
    void deniedCallsAreRecordedWithWhoeverWasDenied() {
        String drill = as("operator").body(DRILL).post("/api/drills").then().statusCode(201).extract().path("id");
        String forbidden = "req-" + UUID.randomUUID();
        String anonymous = "req-" + UUID.randomUUID();

        as("operator").header("X-Request-Id", forbidden).delete("/api/drills/" + drill).then().statusCode(403);
        given().header("X-Request-Id", anonymous).contentType("application/json").body(DRILL).post("/api/drills")
                .then().statusCode(401);

        audit(forbidden).body("total", equalTo(1), "items[0].outcome", equalTo("DENIED"),
                "items[0].status", equalTo(403), "items[0].actorSubject", equalTo("test-operator@wfdr.local"),
                "items[0].action", equalTo("DELETE"), "items[0].resourceId", equalTo(drill));
        audit(anonymous).body("total", equalTo(1), "items[0].outcome", equalTo("DENIED"),
                "items[0].status", equalTo(401), "items[0].actorSubject", nullValue());
    }

    @Test
    void noFieldCanForgeASecondRecordWhateverControlCharactersItHolds() {
        String request = "req-" + UUID.randomUUID();
        String forged = "x\r\n{\"outcome\":\"SUCCEEDED\",\"actorSubject\":\"admin\"}\u0000";

        as("admin").header("X-Request-Id", request).urlEncodingEnabled(false)
                .delete("/api/drills/" + java.net.URLEncoder.encode(forged, java.nio.charset.StandardCharsets.UTF_8)
                        .replace("+", "%20")).then().statusCode(404);

        audit(request).body("total", equalTo(1), "items[0].resourceId", equalTo(forged),
                "items[0].outcome", equalTo("REFUSED"), "items[0].actorSubject", equalTo("test-admin@wfdr.local"));
    }

    @Test
    void aRequestIdThatIsNotAPlainTokenIsReplacedNotEchoed() {
        String echoed = as("operator").header("X-Request-Id", "<script>").body(DRILL).post("/api/drills").then()
                .statusCode(201).extract().header("X-Request-Id");
        assertTrue(echoed.matches("[0-9a-f-]{36}"), echoed);
    }

    @Test
    void theAuditTrailIsReadOnlyAndOnlyForApproversAndAdmins() {
        as("operator").get("/api/audit").then().statusCode(403);
        as("approver").get("/api/audit").then().statusCode(200);
        as("admin").get("/api/audit?outcome=DENIED").then().statusCode(200);
        as("admin").delete("/api/audit").then().statusCode(405);
        as("admin").body("{}").post("/api/audit").then().statusCode(405);
    }

    @Test
    void eventsCarryTheActorAndTheRequestIdOfTheCallThatCausedThem() {
        String request = "req-" + UUID.randomUUID();
        String drill = as("operator").header("X-Request-Id", request).body(DRILL).post("/api/drills").then()
                .statusCode(201).extract().path("id");

        var event = TestTopics.ofTestBroker().await(DrillService.TOPIC, r -> drill.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow();
        assertEquals("test-operator@wfdr.local", TestTopics.header(event, CloudEventHeaders.ACTOR));
        assertEquals(request, TestTopics.header(event, CloudEventHeaders.REQUEST_ID));
    }

    @Test
    void recordsPastTheirRetentionArePurgedAndNewerOnesKept() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            stored(old, Instant.now().minus(Duration.ofDays(401)));
            stored(recent, Instant.now().minus(Duration.ofDays(399)));
        });

        trail.purge();

        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(null, AuditRecord.findById(old));
            assertTrue(AuditRecord.findByIdOptional(recent).isPresent());
        });
    }

    private static void stored(String id, Instant at) {
        AuditRecord record = new AuditRecord();
        record.id = id;
        record.recordedAt = at;
        record.requestId = id;
        record.channel = AuditRecord.Channel.REST;
        record.action = "POST";
        record.target = "/api/drills";
        record.status = 201;
        record.outcome = AuditRecord.Outcome.SUCCEEDED;
        record.persist();
    }

    private static io.restassured.response.ValidatableResponse audit(String requestId) {
        return as("approver").queryParam("requestId", requestId).get("/api/audit").then().statusCode(200);
    }

    private static RequestSpecification as(String role) {
        return given().auth().oauth2(BearerTokens.forRole(role)).contentType("application/json");
    }
}
