package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.inventory.InventoryTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lists read page by page show every item exactly once, in the list's order, whatever the page size. */
@QuarkusTest
class ListPagingTest extends InventoryTest {

    private String environmentId;

    @BeforeEach
    void importAnEnvironment() {
        Map<String, Object> document = EnvironmentImportTest.document(InventoryApi.uniqueName("PAGE"), 20);
        environmentId = as("operator").body(document).post("/api/environments/import").then().statusCode(201)
                .extract().path("environment.id");
    }

    @Test
    void serversPageByPageAreTheWholeListInNameOrder() {
        List<String> whole = names("/api/servers", "name", 500, Map.of());
        assertThat(whole, hasSize(43));
        assertSortedWithoutDuplicates(whole);
        assertThat(names("/api/servers", "name", 7, Map.of()), equalTo(whole));
    }

    @Test
    void pairsPageByPageAreTheWholeListInPairingOrder() {
        List<String> whole = names("/api/pairs", "id", 500, Map.of());
        assertThat(whole, hasSize(21));
        assertThat(new HashSet<>(whole), hasSize(21));
        assertThat(names("/api/pairs", "id", 4, Map.of()), equalTo(whole));
        as("viewer").queryParam("environmentId", environmentId).queryParam("size", 2).get("/api/pairs").then()
                .body("items[0].productionServerName", equalTo(pairName(whole.get(0))));
    }

    @Test
    void filtersOnTopOfTheEnvironmentPageTheSameWay() {
        Map<String, Object> transflo = Map.of("role", "TRANSFLO_SERVER");
        List<String> whole = names("/api/servers", "name", 500, transflo);
        assertThat(whole, hasSize(40));
        assertSortedWithoutDuplicates(whole);
        assertThat(names("/api/servers", "name", 6, transflo), equalTo(whole));
    }

    @Test
    void aPageFarPastTheEndIsEmptyAndStillCountsTheWholeList() {
        as("viewer").queryParam("environmentId", environmentId).queryParam("page", 2_000_000_000)
                .queryParam("size", 500).get("/api/servers").then().statusCode(200)
                .body("items", empty(), "total", equalTo(43));
        as("viewer").queryParam("environmentId", environmentId).queryParam("page", 11).queryParam("size", 2)
                .get("/api/pairs").then().statusCode(200).body("items", empty(), "total", equalTo(21));
    }

    private static void assertSortedWithoutDuplicates(List<String> names) {
        assertThat(names, equalTo(names.stream().distinct().sorted().toList()));
    }

    private String pairName(String pairId) {
        return as("viewer").get("/api/pairs/" + pairId).then().statusCode(200).extract().path("productionServerName");
    }

    /** The {@code field} of every item, read page by page with {@code size} items per page. */
    private List<String> names(String path, String field, int size, Map<String, Object> filters) {
        List<String> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            RequestSpecification request = as("viewer").queryParams(filters)
                    .queryParam("environmentId", environmentId).queryParam("page", page).queryParam("size", size);
            Map<String, Object> body = request.get(path).then().statusCode(200).extract().as(Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> items = (List<Map<String, Object>>) body.get("items");
            items.forEach(item -> all.add((String) item.get(field)));
            if ((page + 1L) * size >= ((Number) body.get("total")).longValue()) {
                return all;
            }
        }
    }
}
