package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static io.wfdr.snapshot.api.Inventory.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The VMs, VM hosts and DR VM hosts the snapshot service knows from inventory events on the real broker. */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class VmInventoryTest {

    private Inventory inventory;

    @BeforeEach
    void inventoryAnnouncesAnEnvironment() {
        inventory = Inventory.announced();
    }

    @Test
    void aVmIsKnownWithItsHostSiteHardwareAndDrHost() {
        as("viewer").get("/api/vms/" + inventory.vm).then().statusCode(200)
                .body("name", equalTo(inventory.vmName), "currentName", equalTo(inventory.vmName),
                        "state", equalTo("ONLINE"), "cpus", equalTo(16), "memoryGb", equalTo(64),
                        "host.id", equalTo(inventory.productionHost), "host.name", equalTo("kvm-prod01"),
                        "host.hypervisor", equalTo("KVM"),
                        "host.connectionRef", equalTo("qemu+ssh://wfdr@kvm-prod01.example/system"),
                        "site.name", equalTo("Lakeland"), "site.role", equalTo("PRODUCTION"),
                        "drHost.id", equalTo(inventory.drHost), "drHost.siteName", equalTo("Atlanta"),
                        "drHost.chosenBy", equalTo("DR_SITE"), "drHostNote", nullValue(),
                        "policy.state", equalTo("NONE"));
    }

    @Test
    void physicalServersAndPhysicalMachinesAreNotKnown() {
        as("viewer").get("/api/vms/" + inventory.physicalServer).then().statusCode(404)
                .contentType("application/problem+json");
        as("viewer").queryParam("size", 500).get("/api/vms").then().statusCode(200)
                .body("items.id", hasItem(inventory.vm), "items.id", not(hasItem(inventory.physicalServer)));
        as("viewer").queryParam("size", 500).get("/api/vm-hosts").then().statusCode(200)
                .body("items.id", hasItem(inventory.productionHost), "items.id", hasItem(inventory.drHost),
                        "items.id", not(hasItem(inventory.nas)),
                        "items.find { it.id == '" + inventory.productionHost + "' }.vms", equalTo(1),
                        "items.find { it.id == '" + inventory.drHost + "' }.site.role", equalTo("DR"));
    }

    @Test
    void aVmThatBecomesAPhysicalMachineLeavesTheView() {
        Map<String, Object> server = inventory.played.server(inventory.vm, inventory.vmName, inventory.productionSite,
                null, List.of("WORKFLOW_IPROCESS_ENGINE"));
        inventory.announce("server.updated", server);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/vms/" + inventory.vm).then().statusCode(404));
    }

    @Test
    void aRenameAndAStateChangeReachTheView() {
        inventory.announce("server.renamed", Map.of("serverId", inventory.vm, "fromName", inventory.vmName,
                "toName", "IPEDR01", "reason", "failover"));
        inventory.announce("server.state-changed", io.wfdr.localstack.PlayedInventory.view("serverId", inventory.vm,
                "serverName", inventory.vmName, "from", "ONLINE", "to", "FAILED", "reason", "host lost"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/vms/" + inventory.vm).then().statusCode(200)
                        .body("name", equalTo(inventory.vmName), "currentName", equalTo("IPEDR01"),
                                "state", equalTo("FAILED")));
    }

    @Test
    void withTwoDrVmHostsTheVmHasNoDrHostAndSaysWhy() {
        String second = id();
        inventory.announce("host.registered", inventory.kvmHost(second, "kvm-dr02", inventory.drSite));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/vms/" + inventory.vm).then().statusCode(200)
                        .body("drHost", nullValue(), "drHostNote", containsString("2 VM hosts at DR sites"),
                                "drHostNote", containsString("kvm-dr01"), "drHostNote", containsString("kvm-dr02")));
    }

    @Test
    void aDrHostThatBecomesAPhysicalMachineIsNoLongerADrVmHost() {
        inventory.announce("host.updated", inventory.played.machine(inventory.drHost, "kvm-dr01",
                inventory.drSite));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/vms/" + inventory.vm).then().statusCode(200)
                        .body("drHost", nullValue(), "drHostNote", containsString("no VM host at a DR site")));
        as("viewer").queryParam("size", 500).get("/api/vm-hosts").then().statusCode(200)
                .body("items.id", not(hasItem(inventory.drHost)));
    }
}
