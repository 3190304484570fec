package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.Test;

/** Bad input is a 4xx that changes nothing, never a 500 or a silently rounded value. */
@QuarkusTest
class InputLimitsTest extends InventoryTest {

    @Test
    void aHardwareValueWithMoreDecimalsThanAreStoredIsRefusedNotRounded() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        for (Map.Entry<String, Object> value : Map.<String, Object>of("clockGhz", 2.499, "memoryGb", 2.999,
                "diskGb", 120.001).entrySet()) {
            String name = InventoryApi.uniqueName("R");
            as("operator").body(withHardware(name, site, value.getKey(), value.getValue())).post("/api/servers")
                    .then().statusCode(400)
                    .body("errors.field", hasItem("hardware." + value.getKey()));
            as("viewer").queryParam("name", name).get("/api/servers").then().body("total", equalTo(0));
        }
    }

    @Test
    void aHardwareValueLargerThanIsStoredIsA400() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        as("operator").body(withHardware(InventoryApi.uniqueName("R"), site, "clockGhz", 123456))
                .post("/api/servers").then().statusCode(400).body("errors.field", hasItem("hardware.clockGhz"));
    }

    @Test
    void aSecretReferenceLongerThanIsStoredIsA400() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        String server = InventoryApi.registerServer(site, null, "DATABASE_SERVER");
        as("operator").body(Map.of("name", "tfwfuser", "serverId", server, "secretRef", "env:" + "A".repeat(416)))
                .post("/api/logins").then().statusCode(400).body("errors.field", hasItem("secretRef"));
    }

    @Test
    void theLastPageAnIntCanNameOfEveryListIsEmptyNotA500() {
        for (String list : List.of("/api/environments", "/api/sites", "/api/hosts", "/api/servers", "/api/pairs",
                "/api/databases", "/api/logins", "/api/dsns", "/api/deployments")) {
            as("viewer").queryParam("page", Integer.MAX_VALUE).get(list).then().statusCode(200)
                    .body("items", empty(), "page", equalTo(Integer.MAX_VALUE));
        }
    }

    @Test
    void windowsComputerNamesAreCaseInsensitive() {
        String site = InventoryApi.site(InventoryApi.environment(), "PRODUCTION");
        String name = InventoryApi.uniqueName("CI");
        as("operator").body(InventoryApi.server(name, site, null, "WORKFLOW_WEB_SERVER")).post("/api/servers")
                .then().statusCode(201);
        as("operator").body(InventoryApi.server(name.toLowerCase(), site, null, "WORKFLOW_WEB_SERVER"))
                .post("/api/servers").then().statusCode(409);
    }

    @Test
    void concurrentCreatesOfOneNameGiveOneCreatedAndConflictsForTheRest() throws Exception {
        String name = "Race " + InventoryApi.uniqueName("E");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> creates = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                creates.add(() -> as("operator").body(Map.of("name", name, "description", "race"))
                        .post("/api/environments").then().extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(creates)) {
                statuses.add(status.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> withHardware(String name, String site, String field, Object value) {
        Map<String, Object> body = InventoryApi.server(name, site, null, "WORKFLOW_WEB_SERVER");
        Map<String, Object> hardware = new HashMap<>(Map.of("cpuSockets", 2, "coresPerSocket", 2, "clockGhz", 3.0,
                "memoryGb", 8, "diskGb", 120, "fileSystem", "NTFS"));
        hardware.put(field, value);
        body.put("hardware", hardware);
        return body;
    }
}
