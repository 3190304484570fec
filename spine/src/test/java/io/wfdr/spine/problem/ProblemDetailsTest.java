package io.wfdr.spine.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.spine.SpineTestProfile;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProblemDetailsTest extends SpineTestProfile {

    private static RequestSpecification operator() {
        return given().auth().oauth2(BearerTokens.forRole("operator")).contentType("application/json");
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        operator().body("{\"name\": \"x\",").post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400), "detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        operator().body("{\"name\": {\"nested\": 1}, \"kind\": \"VIRTUAL_MACHINE\"}").post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"), "detail", containsString("wrong type"));
    }

    @Test
    void unknownEnumValueListsTheAllowedValues() {
        operator().body("{\"name\": \"x\", \"kind\": \"MAINFRAME\"}").post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"),
                        "detail", containsString("VIRTUAL_MACHINE, PHYSICAL_MACHINE"));
    }

    @Test
    void aQueryParameterTheOperationDoesNotTakeIs400NamingItAndTheOnesItTakes() {
        given().auth().oauth2(BearerTokens.forRole("admin")).get("/api/audit?outcom=REFUSED")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcom"), "detail", containsString("outcome"));
        given().auth().oauth2(BearerTokens.forRole("admin")).get("/api/audit?outcome=REFUSED&page=0")
                .then().statusCode(200);
    }

    @Test
    void aQueryParameterThatCannotBeReadIs400NamingItNot404() {
        given().auth().oauth2(BearerTokens.forRole("admin")).get("/api/audit?outcome=MAYBE")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("outcome"), "detail", containsString("SUCCEEDED"));
        given().auth().oauth2(BearerTokens.forRole("admin")).get("/api/audit?from=yesterday")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void unknownFieldIsRejectedNotIgnored() {
        operator().body("{\"name\": \"x\", \"kind\": \"VIRTUAL_MACHINE\", \"nmae\": \"typo\"}").post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("nmae"));
    }

    @Test
    void validationListsEveryInvalidField() {
        operator().body("{\"name\": \"\"}").post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors", hasSize(2), "errors.field", hasItems("name", "kind"));
    }

    @Test
    void missingBodyIs400() {
        operator().post("/api/drills")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void oversizeBodyIs413WithDetail() {
        String big = "{\"name\": \"" + "x".repeat(2 * 1024 * 1024) + "\", \"kind\": \"VIRTUAL_MACHINE\"}";
        operator().body(big).post("/api/drills")
                .then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("larger than"));
    }

    @Test
    void unknownIdIs404() {
        given().auth().oauth2(BearerTokens.forRole("viewer")).get("/api/drills/no-such-drill")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Drill no-such-drill does not exist"),
                        "instance", equalTo("/api/drills/no-such-drill"));
    }

    @Test
    void wrongMediaTypeIs415() {
        given().auth().oauth2(BearerTokens.forRole("operator")).contentType("text/plain").body("hello")
                .post("/api/drills")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void badInputChangesNothing() {
        long before = drills();
        operator().body("{\"name\": \"\", \"kind\": \"MAINFRAME\"}").post("/api/drills").then().statusCode(400);
        operator().body("{\"name\": \"ok\", \"kind\": \"VIRTUAL_MACHINE\", \"x\": 1}").post("/api/drills")
                .then().statusCode(400);
        org.junit.jupiter.api.Assertions.assertEquals(before, drills());
    }

    private static long drills() {
        return io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> io.wfdr.spine.testapp.Drill.count());
    }
}
