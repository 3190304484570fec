package io.wfdr.inventory.api;

import static io.wfdr.inventory.api.InventoryApi.as;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.inventory.InventoryTest;
import io.wfdr.inventory.repository.InventoryRevisionRepository;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Lists read page by page show every item exactly once, in the list's order, whatever the page size; pages are
 * cached against the inventory's revision, and a committed change is in the very next read.
 */
@QuarkusTest
class ListPagingTest extends InventoryTest {

    @Inject
    InventoryRevisionRepository revisions;

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

    @Test
    void aCommittedChangeIsInTheNextPageRead() {
        Map<String, Object> pair = firstPair();
        String drName = (String) pair.get("drServerName");
        String productionName = (String) pair.get("productionServerName");
        firstPair();
        as("viewer").queryParam("environmentId", environmentId).queryParam("name", drName).get("/api/servers")
                .then().body("items[0].currentName", equalTo(drName));

        as("operator").post("/api/pairs/" + pair.get("id") + "/failover").then().statusCode(200);

        assertThat(firstPair().get("status"), equalTo("FAILED_OVER"));
        as("viewer").queryParam("environmentId", environmentId).queryParam("name", drName).get("/api/servers")
                .then().body("items[0].currentName", equalTo(productionName), "items[0].state", equalTo("ONLINE"));
    }

    @Test
    void eachWriteTransactionMovesTheRevisionOnceAndARefusedOneNotAtAll() {
        String pairId = (String) firstPair().get("id");
        long before = revision();
        as("operator").post("/api/pairs/" + pairId + "/failover").then().statusCode(200);
        assertThat(revision(), equalTo(before + 1));

        as("operator").post("/api/pairs/" + pairId + "/failover").then().statusCode(409);
        assertThat(revision(), equalTo(before + 1));

        Map<String, Object> document = EnvironmentImportTest.document(InventoryApi.uniqueName("REV"), 30);
        as("operator").body(document).post("/api/environments/import").then().statusCode(201);
        assertThat("one import, one transaction, however many events", revision(), equalTo(before + 2));
    }

    @Test
    void concurrentWritersEachMoveTheRevisionOnceAndNoneDeadlocks() throws Exception {
        List<String> pairIds = names("/api/pairs", "id", 500, Map.of());
        String shared = pairIds.get(0);
        long before = revision();
        ExecutorService writers = Executors.newFixedThreadPool(6);
        List<Future<Integer>> committed = new ArrayList<>();
        for (int w = 1; w <= 6; w++) {
            String own = pairIds.get(w);
            committed.add(writers.submit(() -> {
                int ok = 0;
                for (int i = 0; i < 4; i++) {
                    for (String pair : List.of(own, shared)) {
                        for (String transition : List.of("failover", "failback")) {
                            int status = as("operator").post("/api/pairs/" + pair + "/" + transition).statusCode();
                            assertThat(transition + " of " + pair, status, anyOf(equalTo(200), equalTo(409)));
                            ok += status == 200 ? 1 : 0;
                        }
                    }
                }
                return ok;
            }));
        }
        int total = 0;
        for (Future<Integer> writer : committed) {
            total += writer.get(2, TimeUnit.MINUTES);
        }
        writers.shutdown();
        assertThat(revision(), equalTo(before + total));
    }

    private long revision() {
        return QuarkusTransaction.requiringNew().call(revisions::current);
    }

    private Map<String, Object> firstPair() {
        return as("viewer").queryParam("environmentId", environmentId).queryParam("size", 1).get("/api/pairs")
                .then().statusCode(200).extract().path("items[0]");
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
