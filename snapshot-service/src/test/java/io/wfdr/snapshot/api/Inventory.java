package io.wfdr.snapshot.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.localstack.PlayedInventory;
import org.awaitility.Awaitility;

/**
 * Plays the inventory for the snapshot service's tests, on the real broker and as inventory-service publishes it
 * ({@link PlayedInventory}: each event checked against the AsyncAPI document first): one environment with a
 * production site and a DR site, a KVM host at each, a NAS at the DR site (a physical machine), an iProcess Engine
 * VM on the production host and a physical database server.
 */
final class Inventory {

    final String productionSite = id();
    final String drSite = id();
    final String productionHost = id();
    final String drHost = id();
    final String nas = id();
    final String vm = id();
    final String vmName = "IPE" + vm.substring(0, 8).toUpperCase();
    final String physicalServer = id();
    final PlayedInventory played = PlayedInventory.onTheTestBroker();

    static Inventory announced() {
        Inventory inventory = new Inventory();
        inventory.announceAll();
        return inventory;
    }

    private void announceAll() {
        announce("site.registered", played.site(productionSite, "Lakeland", "PRODUCTION"));
        announce("site.registered", played.site(drSite, "Atlanta", "DR"));
        announce("host.registered", kvmHost(productionHost, "kvm-prod01", productionSite));
        announce("host.registered", kvmHost(drHost, "kvm-dr01", drSite));
        announce("host.registered", played.machine(nas, "nas-dr", drSite));
        announce("server.registered", played.server(physicalServer, "SQL" + physicalServer.substring(0, 8)
                .toUpperCase(), productionSite, null, List.of("DATABASE_SERVER")));
        announce("server.registered", played.server(vm, vmName, productionSite, productionHost,
                List.of("WORKFLOW_IPROCESS_ENGINE")));
        awaitVm(vm);
    }

    /** A KVM host reached over SSH, as the inventory records one. */
    Map<String, Object> kvmHost(String id, String name, String siteId) {
        Map<String, Object> host = played.vmHost(id, name, siteId);
        host.put("hypervisor", "KVM");
        host.put("connectionRef", "qemu+ssh://wfdr@" + name + ".example/system");
        return host;
    }

    /** Another VM on the production host. */
    String anotherVm() {
        String id = id();
        announce("server.registered", played.server(id, "WEB" + id.substring(0, 8).toUpperCase(), productionSite,
                productionHost, List.of("WORKFLOW_WEB_SERVER")));
        awaitVm(id);
        return id;
    }

    void announce(String what, Map<String, Object> data) {
        played.announce(what, data);
    }

    static void awaitVm(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("viewer").get("/api/vms/" + id).then().statusCode(200).body("id", equalTo(id)));
    }

    static RequestSpecification as(String role) {
        return given().auth().oauth2(BearerTokens.forRole(role)).contentType("application/json");
    }

    static String id() {
        return UUID.randomUUID().toString();
    }
}
