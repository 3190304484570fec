package io.wfdr.backup.api;

import static io.wfdr.backup.api.Inventory.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.backup.domain.BackupSchedule;
import io.wfdr.spine.contract.BackupType;
import io.wfdr.backup.domain.ScheduleSlot;
import io.wfdr.backup.service.ScheduledBackupsProbe;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/** Scheduled backups fire exactly once, whichever instance sees a slot first. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class ScheduledBackupsTest {

    @Inject
    ScheduledBackupsProbe scheduler;

    @Inject
    EntityManager em;

    @Test
    void twoInstancesRacingForTheSameSlotsClaimEachExactlyOnce() throws Exception {
        String databaseId = Inventory.id();
        List<BackupSchedule.Slot> slots = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            slots.add(new BackupSchedule.Slot(BackupType.LOG, Instant.parse("2026-11-25T00:00:00Z").plusSeconds(900L * i)));
        }
        ExecutorService instances = Executors.newFixedThreadPool(2);
        List<Future<Integer>> claims = new ArrayList<>();
        for (int instance = 0; instance < 2; instance++) {
            Callable<Integer> claimAll = () -> {
                int won = 0;
                for (BackupSchedule.Slot slot : slots) {
                    won += scheduler.claim(databaseId, slot) ? 1 : 0;
                }
                return won;
            };
            claims.add(instances.submit(claimAll));
        }
        int total = claims.get(0).get() + claims.get(1).get();
        instances.shutdown();

        assertEquals(slots.size(), total, "every slot was won by exactly one of the two");
        long rows = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select count(s) from ScheduleSlot s where s.databaseId = ?1", Long.class)
                .setParameter(1, databaseId).getSingleResult());
        assertEquals(slots.size(), rows);
    }

    @Test
    void aDueSlotOfAnActivePolicyStartsABackupOnceEvenWhenTheWindowIsLookedAtTwice() {
        Inventory inventory = Inventory.announced();
        Map<String, Object> policy = BackupPolicyTest.policy(15, inventory.drMachine);
        as("operator").body(policy).put("/api/databases/" + inventory.fullDb + "/policy").then().statusCode(200);
        as("operator").body(Map.of("loginId", inventory.login)).put("/api/sql-servers/" + inventory.server
                + "/connection").then().statusCode(200);
        Instant from = Instant.parse("2026-11-25T07:01:00Z");
        Instant to = Instant.parse("2026-11-25T07:16:00Z");

        assertTrue(scheduler.runDue(from, to));
        assertTrue(scheduler.runDue(from, to));

        List<ScheduleSlot> fired = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "from ScheduleSlot where databaseId = ?1", ScheduleSlot.class)
                .setParameter(1, inventory.fullDb).getResultList());
        assertEquals(1, fired.size(), "the 07:15 log backup, once");
        assertEquals(BackupType.LOG, fired.get(0).type);
        as("viewer").get("/api/operations/" + fired.get(0).operationId).then().statusCode(200);
    }
}
