package io.wfdr.inventory.api;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;

/** Builds an inventory through the REST API, as an operator would, for the tests. */
public final class InventoryApi {

    private InventoryApi() {
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(BearerTokens.forRole(role)).contentType("application/json");
    }

    /** A computer name no other test uses: prefix plus random letters, at most 15 characters. */
    public static String uniqueName(String prefix) {
        StringBuilder name = new StringBuilder(prefix);
        while (name.length() < 12) {
            name.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    public static String create(String path, Map<String, Object> body) {
        return as("operator").body(body).post(path).then().statusCode(201).extract().path("id");
    }

    public static String environment() {
        return create("/api/environments", Map.of("name", uniqueName("Env "), "description", "test"));
    }

    public static String site(String environmentId, String role) {
        return create("/api/sites", Map.of("environmentId", environmentId, "name", role + " site " + uniqueName(""),
                "role", role, "location", "Lakeland, Florida, US"));
    }

    public static String vmHost(String siteId) {
        return create("/api/hosts", Map.of("name", uniqueName("esx-"), "kind", "VM_HOST", "hypervisor", "VMWARE_ESXI",
                "connectionRef", "vsphere://vcenter01/esx", "siteId", siteId));
    }

    public static Map<String, Object> server(String name, String siteId, String hostId, String... roles) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("siteId", siteId);
        body.put("roles", List.of(roles));
        body.put("machineType", hostId == null ? "PHYSICAL_MACHINE" : "VIRTUAL_MACHINE");
        if (hostId != null) {
            body.put("hostId", hostId);
        }
        body.put("hardware", Map.of("cpuSockets", 2, "coresPerSocket", 2, "clockGhz", 3.0, "memoryGb", 8,
                "diskGb", 120, "fileSystem", "NTFS"));
        body.put("operatingSystem", Map.of("name", "Windows Server 2019", "servicePack", "R2"));
        body.put("software", Map.of("transfloVersion", "9.4", "workflowVersion", "11.4.1"));
        if (List.of(roles).contains("DATABASE_SERVER")) {
            body.put("sqlServer", Map.of("version", "SQL Server 2019", "servicePack", ""));
        }
        return body;
    }

    public static String registerServer(String siteId, String hostId, String... roles) {
        return create("/api/servers", server(uniqueName("S"), siteId, hostId, roles));
    }

    /** An environment with a production and a DR site, and a Workflow server on each, paired. */
    public record PairedWorkflow(String environmentId, String productionSiteId, String drSiteId,
            String productionId, String drId, String pairId) {
    }

    public static PairedWorkflow pairedWorkflowServers() {
        String env = environment();
        String prodSite = site(env, "PRODUCTION");
        String drSite = site(env, "DR");
        String prod = registerServer(prodSite, null, "WORKFLOW_IPROCESS_ENGINE");
        String dr = registerServer(drSite, null, "WORKFLOW_IPROCESS_ENGINE");
        String pair = create("/api/pairs", Map.of("productionServerId", prod, "drServerId", dr));
        return new PairedWorkflow(env, prodSite, drSite, prod, dr, pair);
    }
}
