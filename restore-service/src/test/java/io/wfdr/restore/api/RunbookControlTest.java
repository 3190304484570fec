package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** What operators and approvers do to a runbook: approve it, change it, pause, cancel, retry; status callbacks. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class RunbookControlTest extends RecoveryTestBase {

    @Test
    void restoringOverAnExistingDatabaseNeedsReplaceAndAnApproverWhoIsNotTheRequester() {
        String id = replacingRunbook();
        as("admin").post("/api/restores/" + id + "/approve").then().statusCode(409)
                .body("detail", containsString("cannot approve it"));
        as("operator").post("/api/restores/" + id + "/approve").then().statusCode(403);
        as("approver").body(Map.of("note", "agreed on the bridge call")).post("/api/restores/" + id + "/approve")
                .then().statusCode(200).body("approval.approvedBy", containsString("approver"));

        awaitStatus(id, "WAITING_FOR_OPERATOR");
        assertTrue(target.executed().stream().anyMatch(s -> s.startsWith("RESTORE DATABASE") && s.contains("REPLACE")),
                "the full is restored WITH REPLACE");
    }

    @Test
    void aChangeAfterApprovalVoidsItAndTheRunbookWaitsForAnApproverAgain() {
        String id = replacingRunbook();
        as("approver").post("/api/restores/" + id + "/approve").then().statusCode(200);
        as("operator").post("/api/restores/" + id + "/pause").then().statusCode(200);
        awaitStatus(id, "PAUSED");
        as("operator").body(Map.of("checkDb", "FULL")).put("/api/restores/" + id + "/options").then().statusCode(200)
                .body("status", equalTo("AWAITING_APPROVAL"), "outcome", containsString("changed after its approval"));
        as("operator").post("/api/restores/" + id + "/resume").then().statusCode(409);
        as("approver").post("/api/restores/" + id + "/approve").then().statusCode(200)
                .body("status", equalTo("QUEUED"));
        awaitStatus(id, "WAITING_FOR_OPERATOR");
    }

    private void awaitStepWaiting(String id, int step) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("viewer").get("/api/restores/" + id)
                .then().body("steps[" + (step - 1) + "].status", equalTo("WAITING")));
    }

    /** A runbook that restores over an existing TFLOWF_DR, requested by an admin and waiting for an approver. */
    private String replacingRunbook() {
        played.announce("database.registered", played.database(id(), name + "_DR", "WORKFLOW", dr, "FULL", 30, 240));
        target.onlineDatabase(name + "_DR", "FULL", "D:\\Data\\" + name + "_DR.mdf",
                "L:\\Log\\" + name + "_DR_log.ldf");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("operator").body(request())
                .post("/api/restores").then().statusCode(409).body("detail", containsString("replace: true")));
        Map<String, Object> replacing = new HashMap<>(request());
        replacing.put("replace", true);
        return as("admin").body(replacing).post("/api/restores").then().statusCode(202)
                .body("status", equalTo("AWAITING_APPROVAL"), "approval.needed", equalTo(true),
                        "approval.reasons", hasItem(containsString("replaces the existing database")))
                .extract().path("id");
    }

    @Test
    void aFailedStepIsRetriedFromItsCheckAndWhatWasRestoredIsNotRestoredAgain() {
        target.failNext("RESTORE DATABASE [" + name + "_DR] FROM DISK = N'" + restorePath(differentialBackup) + "'",
                3201, "Cannot open backup device '" + restorePath(differentialBackup) + "'. Operating system error 5"
                        + "(Access is denied.).");
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202).extract().path("id");
        awaitStatus(id, "FAILED");
        as("viewer").get("/api/restores/" + id).then().body("steps[2].status", equalTo("FAILED"),
                "steps[2].outcome", containsString("Operating system error 5"));

        as("operator").post("/api/restores/" + id + "/steps/3/retry").then().statusCode(200);
        awaitStatus(id, "WAITING_FOR_OPERATOR");
        assertEquals(1, target.restores(name + "_DR", fullBackup.backupSetGuid()), "the full was restored once");
        assertEquals(1, target.restores(name + "_DR", differentialBackup.backupSetGuid()));
        as("viewer").get("/api/restores/" + id).then().body("steps[2].attempts", equalTo(2),
                "steps[2].outcome", containsString("was restored before the interruption"));
    }

    @Test
    void skippingTheVerificationNeedsAnApproverWithAReasonAndTheRunbookNeverClaimsCompleted() throws Exception {
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202).extract().path("id");
        for (int step = 6; step <= 9; step++) {
            awaitStepWaiting(id, step);
            as("operator").body(Map.of("note", "done by hand")).post("/api/restores/" + id + "/steps/" + step
                    + "/complete").then().statusCode(200);
        }
        awaitStatus(id, "RESTORED_NOT_VERIFIED");
        as("operator").body(Map.of("note", "accepted")).post("/api/restores/" + id + "/steps/10/skip").then()
                .statusCode(403);
        as("approver").body(Map.of()).post("/api/restores/" + id + "/steps/10/skip").then().statusCode(400);
        as("approver").body(Map.of("note", "services checked by hand on the bridge call"))
                .post("/api/restores/" + id + "/steps/10/skip").then().statusCode(200);
        answerTakeOver();
        awaitStatus(id, "RESTORED_NOT_VERIFIED");
        as("viewer").get("/api/restores/" + id).then().body("outcome", containsString("verification was skipped"),
                "steps[9].status", equalTo("SKIPPED"), "steps[9].decidedBy", containsString("approver"),
                "steps[10].status", equalTo("DONE"));
    }

    @Test
    void aDamagedBackupFileFailsThePreflightAndNothingIsRestored() {
        target.damage(restorePath(differentialBackup));
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202).extract().path("id");
        awaitStatus(id, "FAILED");
        as("viewer").get("/api/restores/" + id).then().body("steps[1].status", equalTo("FAILED"),
                "steps[1].outcome", containsString(restorePath(differentialBackup)));
        assertTrue(target.executed().stream().noneMatch(s -> s.startsWith("RESTORE DATABASE")), target.executed()
                .toString());
    }

    @Test
    void aCancelledRunbookEndsAtASafePointAndNothingRunsAfter() {
        String id = as("operator").body(request()).post("/api/restores").then().statusCode(202).extract().path("id");
        as("operator").post("/api/restores/" + id + "/cancel").then().statusCode(200);
        awaitStatus(id, "CANCELLED");
        int statements = target.executed().size();
        as("operator").post("/api/restores/" + id + "/resume").then().statusCode(409);
        as("viewer").get("/api/restores/" + id).then().body("endedAt", org.hamcrest.Matchers.notNullValue());
        assertEquals(statements, target.executed().size(), "nothing ran after the cancel");
    }

    @Test
    void statusCallbacksGoOnlyToAllowedUrlsInOrder() throws Exception {
        Map<String, Object> elsewhere = new HashMap<>(request());
        elsewhere.put("callbackUrl", "https://tickets.example.com/hooks/1");
        as("operator").body(elsewhere).post("/api/restores").then().statusCode(400)
                .body("errors.field", hasItem("callbackUrl"));

        List<String> received = new CopyOnWriteArrayList<>();
        HttpServer hooks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hooks.createContext("/hooks", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        hooks.start();
        try {
            Map<String, Object> allowed = new HashMap<>(request());
            allowed.put("callbackUrl", "http://127.0.0.1:" + hooks.getAddress().getPort() + "/hooks/INC-4711");
            String id = as("operator").body(allowed).post("/api/restores").then().statusCode(202).extract()
                    .path("id");
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> received.stream()
                    .anyMatch(body -> body.contains("\"status\":\"WAITING_FOR_OPERATOR\"")));
            assertTrue(received.get(0).contains("\"status\":\"QUEUED\""), received.get(0));
            assertTrue(received.stream().allMatch(body -> body.contains(id)));
        } finally {
            hooks.stop(0);
        }
    }

}
