package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.domain.ScheduleSlot;
import io.wfdr.backup.service.ScheduledBackupsProbe;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** The schedule's rules, with the clock in the test's hands (the real ticks are off in tests). */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class ScheduleRulesTest {

    @Inject
    ScheduledBackupsProbe scheduler;

    @Inject
    EntityManager em;

    @Test
    void aPausedPolicyNeverFires() {
        Inventory inventory = withPolicy();
        as("operator").post("/api/databases/" + inventory.fullDb + "/policy/pause").then().statusCode(200);
        scheduler.runDue(Instant.parse("2026-11-25T00:00:00Z"), Instant.parse("2026-11-26T00:00:00Z"));
        assertTrue(slots(inventory.fullDb).isEmpty());
    }

    @Test
    void slotsMissedWhileEveryInstanceWasDownRunOnceAsTheLatestAndAreReported() {
        Inventory inventory = withPolicy();
        Instant downFrom = Instant.parse("2026-11-25T07:01:00Z");
        Instant backAt = Instant.parse("2026-11-25T10:01:00Z");

        scheduler.runDue(downFrom, backAt);

        List<ScheduleSlot> fired = slots(inventory.fullDb);
        assertEquals(java.util.Set.of("LOG 2026-11-25T10:00:00Z", "DIFFERENTIAL 2026-11-25T09:00:00Z"),
                fired.stream().map(s -> s.type + " " + s.dueAt).collect(java.util.stream.Collectors.toSet()),
                "the log backup due on time, and of the missed differentials only the latest");
        assertTrue(TestTopics.ofTestBroker().await("wfdr.backup.events",
                r -> "wfdr.backup.slots-missed.v1".equals(TestTopics.header(r, "ce_type"))
                        && r.value().contains(inventory.fullDb) && r.value().contains("\"type\":\"LOG\""),
                Duration.ofSeconds(30)).isPresent());
    }

    @Test
    void aSlotClaimedButNeverStartedIsTakenOverWhenItsLeaseLapses() {
        Inventory inventory = withPolicy();
        var slot = new io.wfdr.backup.domain.BackupSchedule.Slot(io.wfdr.spine.contract.BackupType.LOG,
                Instant.parse("2026-11-25T07:15:00Z"));
        assertTrue(scheduler.claim(inventory.fullDb, slot), "an instance claims it, then dies before starting it");

        scheduler.recoverLapsedClaims(Instant.now().plus(Duration.ofMinutes(5)));

        ScheduleSlot taken = slots(inventory.fullDb).get(0);
        assertTrue(taken.operationId != null, "another instance started it");
        as("viewer").get("/api/operations/" + taken.operationId).then().statusCode(200);
        scheduler.recoverLapsedClaims(Instant.now().plus(Duration.ofMinutes(10)));
        assertEquals(1, slots(inventory.fullDb).size());
    }

    private Inventory withPolicy() {
        Inventory inventory = Inventory.announced();
        Map<String, Object> policy = BackupPolicyTest.policy(60, inventory.drMachine);
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        as("operator").body(Map.of("loginId", inventory.login)).put("/api/sql-servers/" + inventory.server
                + "/connection").then().statusCode(200);
        return inventory;
    }

    private List<ScheduleSlot> slots(String databaseId) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ScheduleSlot where databaseId = ?1", ScheduleSlot.class)
                .setParameter(1, databaseId).getResultList());
    }
}
