package io.wfdr.snapshot.api;

import static io.wfdr.snapshot.api.Inventory.as;
import static io.wfdr.snapshot.api.Inventory.id;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.KafkaBrokerTestResource;
import io.wfdr.localstack.TestSigningKeys;
import io.wfdr.snapshot.service.ChangeMeasures;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The low-activity window suggested from the change measures the engine records per incremental (recorded here
 * through the same service), over the API.
 */
@QuarkusTest
@WithTestResource(value = KafkaBrokerTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = TestSigningKeys.class, scope = TestResourceScope.GLOBAL)
class SuggestedWindowTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final long QUIET = 10L << 20;
    private static final long BUSY = 4L << 30;

    @Inject
    ChangeMeasures measures;

    @Inject
    Clock clock;

    private Inventory inventory;

    @BeforeEach
    void inventoryAnnouncesAnEnvironment() {
        inventory = Inventory.announced();
    }

    @Test
    void withoutMeasurementsTheAnswerSaysSoAndSuggestsNothing() {
        as("viewer").get(suggestionOf(inventory.vm)).then().statusCode(200)
                .body("suggested", equalTo(false), "start", nullValue(), "end", nullValue(),
                        "windowBytes", nullValue(), "basedOnMeasures", equalTo(0), "days", equalTo(7),
                        "hours", equalTo(2), "zone", equalTo("UTC"), "bytesPerHour", hasSize(24),
                        "bytesPerHour", everyItem(equalTo(0)), "unmeasuredHours", hasSize(24),
                        "note", containsString("No measurements yet"));
    }

    @Test
    void theQuietestHoursOfTheLastDaysAreSuggestedInThePolicysZone() {
        String vm = inventory.vm;
        recordHourlyIncrementals(vm, 3, 3, 5);
        as("operator").body(SnapshotPolicyTest.policy()).put(SnapshotPolicyTest.policyOf(vm)).then().statusCode(200);

        as("viewer").get(suggestionOf(vm)).then().statusCode(200)
                .body("suggested", equalTo(true), "start", equalTo("03:00"), "end", equalTo("05:00"),
                        "zone", equalTo("America/New_York"), "hours", equalTo(2), "days", equalTo(7),
                        "basedOnMeasures", equalTo(72), "windowBytes", equalTo((int) (6 * QUIET)),
                        "bytesPerHour[3]", equalTo((int) (3 * QUIET)), "bytesPerHour[12]", equalTo(3 * BUSY),
                        "unmeasuredHours", empty());
        as("viewer").queryParam("hours", 1).queryParam("zone", "UTC").get(suggestionOf(vm)).then().statusCode(200)
                .body("suggested", equalTo(true), "hours", equalTo(1), "zone", equalTo("UTC"));
    }

    @Test
    void aQuietRunAcrossMidnightIsSuggestedAcrossMidnight() {
        String vm = inventory.anotherVm();
        recordHourlyIncrementals(vm, 2, 23, 2);
        as("viewer").queryParam("hours", 3).queryParam("zone", "America/New_York").get(suggestionOf(vm)).then()
                .statusCode(200).body("suggested", equalTo(true), "start", equalTo("23:00"), "end", equalTo("02:00"));
    }

    @Test
    void badParametersAreA400NamingThem() {
        as("viewer").queryParam("hours", 24).get(suggestionOf(inventory.vm)).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("hours"));
        as("viewer").queryParam("days", 0).get(suggestionOf(inventory.vm)).then().statusCode(400)
                .body("errors.field", hasItem("days"));
        as("viewer").queryParam("days", 32).get(suggestionOf(inventory.vm)).then().statusCode(400)
                .body("errors.field", hasItem("days"));
        as("viewer").queryParam("zone", "Nowhere/Land").get(suggestionOf(inventory.vm)).then().statusCode(400)
                .body("errors.field", hasItem("zone"));
        as("viewer").get(suggestionOf(id())).then().statusCode(404).contentType("application/problem+json");
    }

    /**
     * An incremental every hour, on the hour in New York, for the last {@code days} days: {@code QUIET} bytes in the
     * hours from {@code quietFrom} (New York time) up to {@code quietTo}, {@code BUSY} in the others.
     */
    private void recordHourlyIncrementals(String vm, int days, int quietFrom, int quietTo) {
        Instant end = clock.instant().truncatedTo(ChronoUnit.HOURS);
        for (Instant since = end.minus(Duration.ofDays(days)); since.isBefore(end); since = since.plusSeconds(3600)) {
            int hour = since.atZone(NEW_YORK).getHour();
            boolean quiet = quietFrom < quietTo ? hour >= quietFrom && hour < quietTo
                    : hour >= quietFrom || hour < quietTo;
            measures.record(vm, id(), since, since.plusSeconds(3600), quiet ? QUIET : BUSY);
        }
    }

    private static String suggestionOf(String vm) {
        return "/api/vms/" + vm + "/policy/suggested-window";
    }
}
