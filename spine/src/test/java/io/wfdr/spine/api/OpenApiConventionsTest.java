package io.wfdr.spine.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.spine.SpineTestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OpenApiConventionsTest extends SpineTestProfile {

    @Test
    void anOperationIdSharedByResourcesNamesItsResource() {
        assertEquals("listServers", OpenApiConventions.OperationIds.qualified("list", "/api/servers"));
        assertEquals("registerServer", OpenApiConventions.OperationIds.qualified("register", "/api/servers"));
        assertEquals("getServer", OpenApiConventions.OperationIds.qualified("get", "/api/servers/{id}"));
        assertEquals("getPolicy", OpenApiConventions.OperationIds.qualified("get", "/api/policies/{id}"));
        assertEquals("listRestorePlans", OpenApiConventions.OperationIds.qualified("list", "/api/restore-plans"));
        assertEquals("driftOfPair", OpenApiConventions.OperationIds.qualified("drift", "/api/pairs/{id}/drift"));
    }

    @Test
    void theServedDocumentHasUniqueOperationIdsAndTheProblemsEveryOperationCanAnswer() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<Map<String, Object>> operations = paths.values().stream().flatMap(item -> item.values().stream())
                .toList();
        List<Object> ids = operations.stream().map(operation -> operation.get("operationId")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), ids.toString());
        for (Map<String, Object> operation : operations) {
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertTrue(responses.containsKey("400") && responses.containsKey("401") && responses.containsKey("403"),
                    operation.get("operationId") + " documents " + responses.keySet());
        }
        List<Object> servers = given().queryParam("format", "json").get("/q/openapi").then().extract()
                .path("servers.url");
        assertEquals(List.of("/"), servers);
    }

    @Test
    void everyComponentSchemaIsReachedFromAnOperation() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        Map<String, Object> schemas = given().queryParam("format", "json").get("/q/openapi").then().extract()
                .path("components.schemas");
        for (String name : schemas.keySet()) {
            assertTrue(document.contains("\"#/components/schemas/" + name + "\""), name + " is never referenced");
        }
        assertTrue(!schemas.containsKey("Channel"), "the audit record's channel is written out in place");
    }
}
