package io.wfdr.restore.api;

import static io.wfdr.restore.api.Publish.as;
import static io.wfdr.restore.api.Publish.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import org.junit.jupiter.api.Test;

/**
 * The guide's database recovery as one call: a runbook restores TFLOWF as TFLOWF_DR on a DR SQL Server that keeps
 * SQL Server's rules (the simulated server at the adapter boundary), creates the Workflow logins with production's
 * SIDs, and waits for an operator on the Windows steps the inventory gives it no way into.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class DatabaseRecoveryRunbookTest extends RecoveryTestBase {

    @Test
    void theRunbookRestoresUnderTheNewNameCreatesTheLoginsWithProductionSidsAndWaitsForTheOperatorOnWindows() {
        String location = as("operator").header("Idempotency-Key", "INC-4711-" + database)
                .body(request()).post("/api/restores").then().statusCode(202)
                .header("Location", containsString("/api/restores/")).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        awaitStatus(id, "WAITING_FOR_OPERATOR");
        assertEquals(1, target.loginsCreated("tfwfowner"), "CREATE LOGIN tfwfowner ran once");
        assertEquals(1, target.recoveries(name + "_DR"), "RESTORE … WITH RECOVERY ran once");
        assertTrue(target.database(name + "_DR").orElseThrow().online());
        as("viewer").get("/api/restores/" + id).then().statusCode(200)
                .body("steps[2].status", equalTo("DONE"), "steps[3].outcome", containsString("created tfwfowner"),
                        "steps[5].manual", equalTo(true), "steps[5].status", equalTo("WAITING"));

        for (int step = 6; step <= 9; step++) {
            as("operator").body(Map.of("note", "done by hand on IPEDR01"))
                    .post("/api/restores/" + id + "/steps/" + step + "/complete").then().statusCode(200);
            awaitStepNotWaiting(id, step);
        }
        awaitStatus(id, "RESTORED_NOT_VERIFIED");
        as("viewer").get("/api/restores/" + id).then()
                .body("outcome", containsString("services: cannot be checked"),
                        "outcome", containsString(name + "_DR ONLINE, MULTI_USER, FULL"),
                        "outcome", containsString("DBCC CHECKDB PHYSICAL_ONLY clean"));
        as("approver").get("/api/audit?resourceId=" + id + "&size=100").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("runbook.step.started"));
    }

    @Test
    void theScriptShowsEveryStatementBeforeAnythingRunsAndNeverAPassword() {
        String location = as("operator").body(request()).post("/api/restores").then().statusCode(202)
                .extract().header("Location");
        String script = as("viewer").get(location + "/script").then().statusCode(200).extract().asString();
        assertTrue(script.contains("RESTORE DATABASE [" + name + "_DR] FROM DISK"), script);
        assertTrue(script.contains("CREATE LOGIN [tfwfowner] WITH PASSWORD = N'<secret " + secret("tfwfowner")), script);
        assertTrue(script.contains("ALTER USER [tfwfowner] WITH LOGIN = [tfwfowner]"), script);
        assertTrue(!script.contains("Owner-Pa55word"), "no password in the script");
    }

    @Test
    void scriptOnlyShowsWhatARestoreWouldRunAndStoresAndRunsNothing() {
        Map<String, Object> body = new HashMap<>(request());
        body.put("ticketId", "CHG-" + database.substring(0, 8));
        String script = as("operator").body(body).post("/api/restores/script").then().statusCode(200).extract()
                .asString();
        assertTrue(script.contains("-- step 3: Restore the last full backup"), script);
        assertTrue(script.contains("RESTORE DATABASE [" + name + "_DR] FROM DISK = N'" + restorePath(fullBackup)
                + "'"), script);
        assertTrue(script.contains("sp_change_users_login"), "the guide's statement is shown as the legacy one");
        as("viewer").get("/api/restores?ticketId=" + body.get("ticketId")).then().statusCode(200)
                .body("total", equalTo(0));
        assertEquals(0, target.executed().size(), "nothing ran on the DR SQL Server");
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyGetsTheFirstRunbookBack() {
        String key = "retry-" + database;
        String first = as("operator").header("Idempotency-Key", key).body(request()).post("/api/restores").then()
                .statusCode(202).extract().path("id");
        as("operator").header("Idempotency-Key", key).body(request()).post("/api/restores").then().statusCode(202)
                .body("id", equalTo(first));
    }
}
