package io.wfdr.localstack;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import org.junit.jupiter.api.Test;

/**
 * What every wfdr service must show on top of the spine, checked the same way in each service: readiness
 * that follows its database and reports Kafka (without being gated by it), open operational endpoints, and an OpenAPI document Swagger UI can
 * authorize with. A service's test extends it and carries {@code @QuarkusTest}.
 */
public abstract class ServiceSpineContract {

    protected abstract String serviceName();

    @Test
    void readinessFollowsTheDatabaseAndReportsKafka() {
        given().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check",
                        "kafka (reported, does not gate readiness)"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItems("Kafka connection health check")));
    }

    @Test
    void livenessIsOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void openApiNamesTheServiceAndTheBearerScheme() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", containsString(serviceName()))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void everyOperationHasAnExampleItsOwnSchemaAccepts() throws Exception {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), OpenApiExamples.problems(document));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsIncludeTheOutboxBacklog() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("wfdr_outbox_pending"));
    }
}
