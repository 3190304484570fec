package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.snapshot.domain.FullWindow;
import io.wfdr.snapshot.service.ScheduledSnapshots;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The schedule's tick against the service's own VmOperations, driven at instants the test chooses. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class ScheduledSnapshotsTest {

    @Inject
    ScheduledSnapshots schedule;

    @Inject
    EntityManager em;

    private Inventory inventory;
    private String vm;
    private Instant inTheWindow;

    @BeforeEach
    void aVmWithAPolicy() {
        inventory = Inventory.announced();
        vm = inventory.vm;
        as("operator").body(SnapshotPolicyTest.policy()).put(SnapshotPolicyTest.policyOf(vm)).then().statusCode(200);
        inTheWindow = new FullWindow(LocalTime.of(1, 0), LocalTime.of(4, 0), ZoneId.of("America/New_York"))
                .next(Instant.now()).opens().plusSeconds(90);
    }

    @Test
    void aRefusedSlotIsNotThrownAndASlotIsStartedOnceHoweverManyTicksAsk() throws Exception {
        assertFalse(schedule.tick(inTheWindow).containsKey(vm), "no datastore for the host: refused, not thrown");
        assertFalse(schedule.tick(inTheWindow).containsKey(vm));
        assertEquals(0, keys().size());

        Path root = Files.createTempDirectory("wfdr-schedule");
        for (String host : List.of(inventory.productionHost, inventory.drHost)) {
            as("admin").body(Map.of("snapshotFolder", root.resolve(host + "-snapshots").toString(),
                    "diskFolder", root.resolve(host + "-disks").toString()))
                    .put("/api/vm-hosts/" + host + "/datastore").then().statusCode(200);
        }
        String first = schedule.tick(inTheWindow).get(vm);
        assertTrue(first != null, "the full of the window's opening is requested");
        schedule.tick(inTheWindow.plusSeconds(30));
        schedule.tick(inTheWindow.plusSeconds(30));
        String slot = "schedule:" + vm + ":FULL:" + inTheWindow.minusSeconds(90);
        assertEquals(List.of(slot), keys().stream().filter(k -> !k.contains(":retry:")).toList(),
                "one key for the slot, however many ticks asked");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> em.createQuery("select count(k) from "
                + "VmOperationKey k where k.key = :slot", Long.class).setParameter("slot", slot).getSingleResult()));
    }

    @Test
    void aPausedPolicyTakesNothing() {
        as("operator").post(SnapshotPolicyTest.policyOf(vm) + "/pause").then().statusCode(200);
        assertFalse(schedule.tick(inTheWindow).containsKey(vm));
        assertEquals(List.of(), keys());
    }

    private List<String> keys() {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select k.key from VmOperationKey k "
                + "where k.key like :vm", String.class).setParameter("vm", "schedule:" + vm + ":%").getResultList());
    }
}
