package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static io.wfdr.snapshot.api.Inventory.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.AsyncApiSchemas;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.localstack.TestTopics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Snapshot policies of VMs the snapshot service learnt of from inventory events on the real broker. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SnapshotPolicyTest {

    private static final String TOPIC = "wfdr.snapshot.events";
    private static final String POLICY_CHANGED = "wfdr.snapshot.policy-changed.v1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Inventory inventory;
    private String vm;

    @BeforeEach
    void inventoryAnnouncesAnEnvironment() {
        inventory = Inventory.announced();
        vm = inventory.vm;
    }

    @Test
    void aPolicySavedWithoutADrHostReplicatesToTheVmHostOfTheDrSite() {
        as("operator").body(policy()).put(policyOf(vm)).then().statusCode(200)
                .body("vmId", equalTo(vm), "vmName", equalTo(inventory.vmName), "paused", equalTo(false),
                        "policy.fullWindowStart", equalTo("01:00"), "policy.fullWindowEnd", equalTo("04:00"),
                        "policy.zone", equalTo("America/New_York"), "policy.incrementalEveryMinutes", equalTo(15),
                        "policy.replicate", equalTo(true), "policy.drHostId", equalTo(inventory.drHost),
                        "policy.fullChainsToKeepAtSource", equalTo(2), "policy.fullChainsToKeepAtDr", equalTo(7),
                        "drHost.name", equalTo("kvm-dr01"), "drHost.chosenBy", equalTo("DR_SITE"),
                        "fullWindow.minutes", equalTo(180), "fullWindow.crossesMidnight", equalTo(false),
                        "incrementalsPerDay", equalTo(96), "warnings", empty());
        as("viewer").get(policyOf(vm)).then().statusCode(200).body("policy.drHostId", equalTo(inventory.drHost));
        as("viewer").get("/api/vms/" + vm).then().statusCode(200)
                .body("policy.state", equalTo("ACTIVE"), "policy.fullWindowStart", equalTo("01:00"),
                        "policy.incrementalEveryMinutes", equalTo(15), "drHost.id", equalTo(inventory.drHost));
    }

    @Test
    void aPolicyChangeIsAuditedAndPublishedAsTheAsyncApiDocumentSays() throws Exception {
        as("operator").header("X-Ticket-Id", "CHG-1042").body(policy()).put(policyOf(vm)).then().statusCode(200);

        ConsumerRecord<String, String> event = awaitEvent(vm, "SAVED");
        assertEquals(List.of(), AsyncApiSchemas.ofThisCheckout().problems(POLICY_CHANGED, event.value()));
        JsonNode data = JSON.readTree(event.value());
        assertEquals(inventory.drHost, data.get("drHostId").asText());
        assertEquals(15, data.get("incrementalEveryMinutes").asInt());
        assertEquals("vm/" + inventory.vmName, TestTopics.header(event, "ce_subject"));
        assertTrue(String.valueOf(TestTopics.header(event, "ce_actor")).contains("test-operator"),
                "the event names the actor who changed the policy");

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("approver").queryParam("resourceId", vm).get("/api/audit").then().statusCode(200)
                        .body("items.find { it.target == '/api/vms/{id}/policy' }.action", equalTo("PUT"),
                                "items.find { it.target == '/api/vms/{id}/policy' }.outcome", equalTo("SUCCEEDED"),
                                "items.find { it.target == '/api/vms/{id}/policy' }.ticketId", equalTo("CHG-1042"),
                                "items.find { it.target == '/api/vms/{id}/policy' }.actorName",
                                equalTo("test-operator@wfdr.local")));
    }

    @Test
    void aWindowMayCrossMidnight() {
        Map<String, Object> body = policy();
        body.put("fullWindowStart", "22:30");
        body.put("fullWindowEnd", "02:00");
        as("operator").body(body).put(policyOf(vm)).then().statusCode(200)
                .body("fullWindow.crossesMidnight", equalTo(true), "fullWindow.minutes", equalTo(210));
    }

    @Test
    void eachBadFieldIsA400NamingItAndChangesNothing() {
        refused(b -> b.put("fullWindowEnd", "01:00"), "fullWindowEnd");
        refused(b -> b.put("fullWindowStart", "25:00"), "fullWindowStart");
        refused(b -> b.put("fullWindowEnd", "4:00"), "fullWindowEnd");
        refused(b -> b.put("zone", "Mars/Olympus_Mons"), "zone");
        refused(b -> b.put("incrementalEveryMinutes", 4), "incrementalEveryMinutes");
        refused(b -> b.put("incrementalEveryMinutes", 721), "incrementalEveryMinutes");
        refused(b -> b.put("incrementalEveryMinutes", 1440), "incrementalEveryMinutes");
        refused(b -> b.put("fullChainsToKeepAtSource", 0), "fullChainsToKeepAtSource");
        refused(b -> b.put("fullChainsToKeepAtDr", 0), "fullChainsToKeepAtDr");
        refused(b -> b.put("drHostId", id()), "drHostId");
        refused(b -> b.put("drHostId", inventory.productionHost), "drHostId");
        refused(b -> b.remove("zone"), "zone");

        as("viewer").get(policyOf(vm)).then().statusCode(404).contentType("application/problem+json");
        as("viewer").get("/api/vms/" + vm).then().body("policy.state", equalTo("NONE"));
        assertTrue(eventsOf(vm).isEmpty(), "a refused policy publishes nothing");
    }

    @Test
    void aRefusedChangeLeavesTheSavedPolicyAsItWas() {
        as("operator").body(policy()).put(policyOf(vm)).then().statusCode(200);
        awaitEvent(vm, "SAVED");
        Map<String, Object> body = policy();
        body.put("incrementalEveryMinutes", 2);
        body.put("fullChainsToKeepAtSource", 0);
        body.put("fullWindowEnd", "01:00");
        as("operator").body(body).put(policyOf(vm)).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("incrementalEveryMinutes", "fullChainsToKeepAtSource"));
        as("operator").body(with(b -> b.put("fullWindowEnd", "01:00"))).put(policyOf(vm)).then().statusCode(400)
                .body("errors.field", hasItem("fullWindowEnd"));
        as("viewer").get(policyOf(vm)).then().statusCode(200)
                .body("policy.incrementalEveryMinutes", equalTo(15), "policy.fullChainsToKeepAtSource", equalTo(2),
                        "policy.fullWindowEnd", equalTo("04:00"));
        assertEquals(1, eventsOf(vm).size(), "only the saved policy was published");
    }

    @Test
    void withSeveralDrVmHostsAReplicatingPolicyMustNameOne() {
        String second = id();
        inventory.announce("host.registered", inventory.kvmHost(second, "kvm-dr02", inventory.drSite));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(policy()).put(policyOf(vm)).then().statusCode(422)
                        .contentType("application/problem+json")
                        .body("detail", containsString("kvm-dr01"), "detail", containsString("kvm-dr02"),
                                "detail", containsString("drHostId")));
        as("viewer").get(policyOf(vm)).then().statusCode(404);

        as("operator").body(with(b -> b.put("drHostId", second))).put(policyOf(vm)).then().statusCode(200)
                .body("policy.drHostId", equalTo(second), "drHost.name", equalTo("kvm-dr02"),
                        "drHost.chosenBy", equalTo("POLICY"));
    }

    @Test
    void withoutAnyDrVmHostOnlyAPolicyThatDoesNotReplicateNeedsNone() {
        inventory.announce("host.removed", inventory.kvmHost(inventory.drHost, "kvm-dr01", inventory.drSite));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(policy()).put(policyOf(vm)).then().statusCode(422)
                        .body("detail", containsString("no VM host at a DR site")));
        as("operator").body(with(b -> b.put("replicate", false))).put(policyOf(vm)).then().statusCode(200)
                .body("policy.replicate", equalTo(false), "policy.drHostId", nullValue(), "drHost", nullValue(),
                        "warnings[0]", containsString("no replication"));
        as("viewer").get("/api/vms/" + vm).then().body("drHostNote", equalTo("The policy does not replicate"));
    }

    @Test
    void aDrHostAtTheVmsOwnSiteIsAcceptedWithAWarning() {
        String sameSite = id();
        inventory.announce("host.registered", inventory.kvmHost(sameSite, "kvm-prod02", inventory.productionSite));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("operator").body(with(b -> b.put("drHostId", sameSite))).put(policyOf(vm)).then()
                        .statusCode(200).body("warnings", hasItem(containsString("the VM's own site"))));
    }

    @Test
    void anUnknownVmHasNoPolicy() {
        String unknown = id();
        as("operator").body(policy()).put(policyOf(unknown)).then().statusCode(404)
                .contentType("application/problem+json");
        as("viewer").get(policyOf(unknown)).then().statusCode(404);
        as("operator").post(policyOf(unknown) + "/pause").then().statusCode(404);
    }

    @Test
    void aPolicyIsPausedAndResumedOnceEachAndEveryChangeIsPublished() {
        as("operator").post(policyOf(vm) + "/pause").then().statusCode(404);
        as("operator").body(policy()).put(policyOf(vm)).then().statusCode(200);
        as("operator").post(policyOf(vm) + "/pause").then().statusCode(200).body("paused", equalTo(true));
        as("operator").post(policyOf(vm) + "/pause").then().statusCode(409).contentType("application/problem+json");
        as("viewer").get("/api/vms/" + vm).then().body("policy.state", equalTo("PAUSED"));
        as("operator").body(with(b -> b.put("incrementalEveryMinutes", 30))).put(policyOf(vm)).then()
                .statusCode(200).body("paused", equalTo(true), "policy.incrementalEveryMinutes", equalTo(30));
        as("viewer").post(policyOf(vm) + "/resume").then().statusCode(403);
        as("operator").post(policyOf(vm) + "/resume").then().statusCode(200).body("paused", equalTo(false));
        as("operator").post(policyOf(vm) + "/resume").then().statusCode(409);
        as("viewer").get("/api/vms/" + vm).then().body("policy.state", equalTo("ACTIVE"));

        awaitEvent(vm, "RESUMED");
        List<String> changes = eventsOf(vm).stream().map(r -> read(r).get("change").asText()).toList();
        assertEquals(List.of("SAVED", "PAUSED", "SAVED", "RESUMED"), changes);
        assertTrue(read(eventsOf(vm).get(1)).get("paused").asBoolean());
    }

    @Test
    void aViewerCannotSetAPolicy() {
        as("viewer").body(policy()).put(policyOf(vm)).then().statusCode(403).contentType("application/problem+json");
        as("viewer").get(policyOf(vm)).then().statusCode(404);
    }

    private void refused(Consumer<Map<String, Object>> change, String field) {
        as("operator").body(with(change)).put(policyOf(vm)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    static Map<String, Object> policy() {
        Map<String, Object> body = new HashMap<>();
        body.put("fullWindowStart", "01:00");
        body.put("fullWindowEnd", "04:00");
        body.put("zone", "America/New_York");
        body.put("incrementalEveryMinutes", 15);
        body.put("replicate", true);
        body.put("fullChainsToKeepAtSource", 2);
        body.put("fullChainsToKeepAtDr", 7);
        return body;
    }

    private static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> body = policy();
        change.accept(body);
        return body;
    }

    static String policyOf(String vm) {
        return "/api/vms/" + vm + "/policy";
    }

    private static ConsumerRecord<String, String> awaitEvent(String vm, String change) {
        return TestTopics.ofTestBroker().await(TOPIC, r -> vm.equals(r.key())
                && POLICY_CHANGED.equals(TestTopics.header(r, "ce_type"))
                && change.equals(read(r).path("change").asText()), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no " + change + " policy-changed event for " + vm));
    }

    /** The VM's events on the topic now (the topic read to its end). */
    private static List<ConsumerRecord<String, String>> eventsOf(String vm) {
        return TestTopics.ofTestBroker().readAll(TOPIC, Duration.ofSeconds(3)).stream()
                .filter(r -> vm.equals(r.key())).toList();
    }

    private static JsonNode read(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
