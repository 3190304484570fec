package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static io.wfdr.inventory.api.InventoryApi.server;
import static io.wfdr.inventory.api.InventoryApi.uniqueName;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ServerResourceTest extends InventoryTest {

    private String environmentId;
    private String productionSite;
    private String host;

    @BeforeEach
    void inventory() {
        environmentId = InventoryApi.environment();
        productionSite = InventoryApi.site(environmentId, "PRODUCTION");
        host = InventoryApi.vmHost(productionSite);
    }

    @Test
    void registersAVirtualWorkflowServerOnlineAtAProductionSite() {
        String name = uniqueName("WF");
        as("operator").body(server(name, productionSite, host, "WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER"))
                .post("/api/servers")
                .then().statusCode(201)
                .header("Location", containsString("/api/servers/"))
                .body("name", equalTo(name), "currentName", equalTo(name), "state", equalTo("ONLINE"),
                        "environmentId", equalTo(environmentId), "hostId", equalTo(host),
                        "roles", hasItems("WORKFLOW_IPROCESS_ENGINE", "WORKFLOW_WEB_SERVER"));
    }

    @Test
    void aDrServerStartsOfflineStandby() {
        String drSite = InventoryApi.site(environmentId, "DR");
        as("operator").body(server(uniqueName("DR"), drSite, null, "TRANSFLO_SERVER")).post("/api/servers")
                .then().statusCode(201).body("state", equalTo("OFFLINE_STANDBY"));
    }

    @Test
    void aComputerNameWindowsWouldRefuseIs400() {
        as("operator").body(server("WF_PROD 01.example", productionSite, null, "TRANSFLO_SERVER"))
                .post("/api/servers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aVirtualMachineWithoutItsHostIs400() {
        Map<String, Object> body = server(uniqueName("VM"), productionSite, null, "TRANSFLO_SERVER");
        body.put("machineType", "VIRTUAL_MACHINE");
        as("operator").body(body).post("/api/servers")
                .then().statusCode(400).body("errors[0].field", equalTo("hostId"),
                        "errors[0].message", containsString("VM host"));
    }

    @Test
    void aDatabaseServerWithoutItsSqlServerVersionIs400() {
        Map<String, Object> body = server(uniqueName("SQL"), productionSite, null, "DATABASE_SERVER");
        body.remove("sqlServer");
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("errors[0].field", equalTo("sqlServer"));
    }

    @Test
    void everyMissingFieldIsListed() {
        as("operator").body(Map.of("name", "X1")).post("/api/servers")
                .then().statusCode(400)
                .body("errors.field", hasItems("siteId", "roles", "machineType", "hardware", "operatingSystem"));
    }

    @Test
    void anUnknownRoleIs400WithTheRolesTheGuideNames() {
        Map<String, Object> body = server(uniqueName("X"), productionSite, null, "TRANSFLO_SERVER");
        body.put("roles", java.util.List.of("MAIL_SERVER"));
        as("operator").body(body).post("/api/servers").then().statusCode(400)
                .body("detail", containsString("WORKFLOW_IPROCESS_ENGINE"));
    }

    @Test
    void aDuplicateNameIs409() {
        String name = uniqueName("DUP");
        as("operator").body(server(name, productionSite, null, "TRANSFLO_SERVER")).post("/api/servers")
                .then().statusCode(201);
        as("operator").body(server(name, productionSite, null, "TRANSFLO_SERVER")).post("/api/servers")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(name));
    }

    @Test
    void listsFilterByEnvironmentRoleAndState() {
        InventoryApi.registerServer(productionSite, null, "DATABASE_SERVER");
        InventoryApi.registerServer(productionSite, host, "TRANSFLO_SERVER");
        as("viewer").queryParam("environmentId", environmentId).queryParam("role", "DATABASE_SERVER")
                .get("/api/servers")
                .then().statusCode(200).body("total", equalTo(1), "items[0].roles", hasItem("DATABASE_SERVER"));
        as("viewer").queryParam("environmentId", environmentId).queryParam("state", "ONLINE")
                .queryParam("size", 1).get("/api/servers")
                .then().statusCode(200).body("total", equalTo(2), "items.size()", equalTo(1), "size", equalTo(1),
                        "items.state", everyItem(equalTo("ONLINE")));
    }

    @Test
    void pagingOutOfBoundsIs400() {
        as("viewer").queryParam("size", 100_000).get("/api/servers").then().statusCode(400);
        as("viewer").queryParam("page", -1).get("/api/servers").then().statusCode(400);
    }

    @Test
    void complianceListsEveryReason() {
        Map<String, Object> body = server(uniqueName("OLD"), productionSite, null, "TRANSFLO_SERVER");
        body.put("hardware", Map.of("cpuSockets", 1, "coresPerSocket", 2, "clockGhz", 2.8, "memoryGb", 3,
                "diskGb", 40, "fileSystem", "FAT32"));
        String id = InventoryApi.create("/api/servers", body);
        as("viewer").get("/api/servers/" + id + "/compliance")
                .then().statusCode(200)
                .body("level", equalTo("UNSUPPORTED"),
                        "findings.find { it.requirement == 'PROCESSOR_CORES' }.level", equalTo("BELOW_MINIMUM"),
                        "findings.find { it.requirement == 'PROCESSOR_CLOCK_GHZ' }.level", equalTo("MINIMUM"),
                        "findings.find { it.requirement == 'MEMORY_GB' }.level", equalTo("MINIMUM"),
                        "findings.find { it.requirement == 'DISK_GB' }.level", equalTo("MINIMUM"),
                        "findings.find { it.requirement == 'FILE_SYSTEM' }.detail",
                        containsString("FAT partitions are not supported"));
        var environment = as("viewer").get("/api/environments/" + environmentId + "/compliance").then()
                .statusCode(200).body("level", equalTo("UNSUPPORTED"), "servers.UNSUPPORTED", equalTo(1),
                        "reports.findAll { it.level == 'UNSUPPORTED' }.size()", equalTo(1));
        Map<String, Integer> counts = environment.extract().path("servers");
        environment.body("reports.size()", equalTo(counts.values().stream().mapToInt(Integer::intValue).sum()));
    }

    @Test
    void requirementTablesAreReadableData() {
        as("viewer").get("/api/requirements").then().statusCode(200)
                .body("hardware.find { it.role == 'DATABASE_SERVER' && it.component == 'MEMORY_GB' }.minimum",
                        equalTo(3.0f),
                        "fileSystems.product", hasItem("NTFS"),
                        "browsers.product", hasItem("Internet Explorer 11"),
                        "browsers[0].additionalRequirement", equalTo("32-bit browsers only"),
                        "sqlServers.product", hasItems("SQL Server 2016", "SQL Server 2019"));
    }

    @Test
    void updateReplacesTheDescriptionButNotTheState() {
        String name = uniqueName("UPD");
        String id = InventoryApi.create("/api/servers", server(name, productionSite, null, "TRANSFLO_SERVER"));
        Map<String, Object> changed = server(name, productionSite, null, "TRANSFLO_SERVER");
        changed.put("software", Map.of("transfloVersion", "9.5", "workflowVersion", "11.4.1"));
        as("operator").body(changed).put("/api/servers/" + id).then().statusCode(200)
                .body("software.transfloVersion", equalTo("9.5"));
        changed.put("state", "FAILED");
        as("operator").body(changed).put("/api/servers/" + id).then().statusCode(409);
    }

    @Test
    void rolesViewerReadsOperatorWritesAdminDeletes() {
        Map<String, Object> body = server(uniqueName("ROLE"), productionSite, null, "TRANSFLO_SERVER");
        as("viewer").body(body).post("/api/servers").then().statusCode(403);
        String id = InventoryApi.create("/api/servers", body);
        as("viewer").get("/api/servers/" + id).then().statusCode(200);
        as("operator").delete("/api/servers/" + id).then().statusCode(403);
        as("admin").delete("/api/servers/" + id).then().statusCode(204);
        as("viewer").get("/api/servers/" + id).then().statusCode(404).contentType("application/problem+json");
        io.restassured.RestAssured.given().get("/api/servers").then().statusCode(401);
    }

    @Test
    void aServerStillReferencedCannotBeRemoved() {
        InventoryApi.PairedWorkflow pair = InventoryApi.pairedWorkflowServers();
        as("admin").delete("/api/servers/" + pair.productionId()).then().statusCode(409)
                .body("detail", containsString("pair"));
    }
}
