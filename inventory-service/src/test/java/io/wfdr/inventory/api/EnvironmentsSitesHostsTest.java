package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnvironmentsSitesHostsTest extends InventoryTest {

    @Test
    void environmentNamesAreUnique() {
        String name = InventoryApi.uniqueName("Workflow ");
        InventoryApi.create("/api/environments", Map.of("name", name));
        as("operator").body(Map.of("name", name)).post("/api/environments").then().statusCode(409);
    }

    @Test
    void anEnvironmentWithSitesCannotBeRemoved() {
        String env = InventoryApi.environment();
        String site = InventoryApi.site(env, "DR");
        as("admin").delete("/api/environments/" + env).then().statusCode(409).body("detail", containsString("site"));
        as("admin").delete("/api/sites/" + site).then().statusCode(204);
        as("admin").delete("/api/environments/" + env).then().statusCode(204);
        as("viewer").get("/api/environments/" + env).then().statusCode(404);
    }

    @Test
    void aSiteHasARoleAndALocation() {
        String env = InventoryApi.environment();
        as("operator").body(Map.of("environmentId", env, "name", "Atlanta", "role", "BACKUP"))
                .post("/api/sites").then().statusCode(400).contentType("application/problem+json");
        String id = InventoryApi.create("/api/sites", Map.of("environmentId", env, "name", "Atlanta", "role", "DR",
                "location", "Atlanta, Georgia, US"));
        as("viewer").queryParam("environmentId", env).get("/api/sites").then()
                .body("total", equalTo(1), "items[0].id", equalTo(id), "items[0].location", containsString("Atlanta"));
        as("operator").body(Map.of("environmentId", "no-such-env", "name", "X", "role", "DR", "location", "X"))
                .post("/api/sites").then().statusCode(400).body("errors[0].field", equalTo("environmentId"));
    }

    @Test
    void aVmHostNeedsItsHypervisorAndAPhysicalMachineHasNone() {
        String site = InventoryApi.site(InventoryApi.environment(), "DR");
        as("operator").body(Map.of("name", InventoryApi.uniqueName("esx-"), "kind", "VM_HOST", "siteId", site))
                .post("/api/hosts").then().statusCode(400).body("errors[0].field", equalTo("hypervisor"));
        as("operator").body(Map.of("name", InventoryApi.uniqueName("bk-"), "kind", "PHYSICAL_MACHINE",
                "hypervisor", "KVM", "siteId", site)).post("/api/hosts").then().statusCode(400);
        String host = InventoryApi.vmHost(site);
        as("viewer").queryParam("siteId", site).queryParam("kind", "VM_HOST").get("/api/hosts").then()
                .body("items[0].id", equalTo(host), "items[0].hypervisor", equalTo("VMWARE_ESXI"));
    }

    @Test
    void aServerOnAPhysicalMachineHostIsRefused() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        String machine = InventoryApi.create("/api/hosts", Map.of("name", InventoryApi.uniqueName("pm-"),
                "kind", "PHYSICAL_MACHINE", "siteId", site));
        as("operator").body(InventoryApi.server(InventoryApi.uniqueName("V"), site, machine, "TRANSFLO_SERVER"))
                .post("/api/servers").then().statusCode(400).body("errors[0].message", containsString("not a VM host"));
    }

    @Test
    void aVmHostStaysAtTheSiteOfItsVms() {
        String environment = InventoryApi.environment();
        String lakeland = InventoryApi.site(environment, "PRODUCTION");
        String tampa = InventoryApi.site(environment, "PRODUCTION");
        String host = InventoryApi.vmHost(lakeland);
        String name = as("viewer").get("/api/hosts/" + host).then().extract().path("name");
        Map<String, Object> moved = Map.of("name", name, "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI",
                "connectionRef", "vsphere://vcenter01/esx", "siteId", tampa);
        as("operator").body(moved).put("/api/hosts/" + host).then().statusCode(200);
        as("operator").body(Map.of("name", name, "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI",
                "connectionRef", "vsphere://vcenter01/esx", "siteId", lakeland)).put("/api/hosts/" + host).then()
                .statusCode(200);
        InventoryApi.registerServer(lakeland, host, "TRANSFLO_SERVER");

        as("operator").body(moved).put("/api/hosts/" + host).then().statusCode(409)
                .body("detail", containsString("move them first"));
        as("viewer").get("/api/hosts/" + host).then().body("siteId", equalTo(lakeland));
    }
}
