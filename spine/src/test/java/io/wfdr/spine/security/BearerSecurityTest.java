package io.wfdr.spine.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.wfdr.localstack.BearerTokens;
import io.wfdr.spine.SpineTestProfile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class BearerSecurityTest extends SpineTestProfile {

    private static final String DRILL = "{\"name\":\"Security drill\",\"kind\":\"VIRTUAL_MACHINE\"}";

    @Test
    void missingTokenIs401ProblemWithBearerChallenge() {
        given().get("/api/drills/x")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401), "detail", containsString("bearer token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-jwt", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."})
    void invalidTokenIs401Problem(String token) {
        given().auth().oauth2(token).get("/api/drills/x")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void expiredTokenIs401Problem() {
        given().auth().oauth2(BearerTokens.expired("admin")).get("/api/drills/x")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        String token = io.smallrye.jwt.build.Jwt.issuer(io.wfdr.localstack.TestSigningKeys.ISSUER).audience("payroll")
                .upn("someone@wfdr.local").groups(java.util.Set.of("admin")).sign();
        given().auth().oauth2(token).get("/api/drills/x").then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        String token = io.smallrye.jwt.build.Jwt.issuer("https://issuer.example").audience(BearerTokens.AUDIENCE)
                .upn("someone@wfdr.local").groups(java.util.Set.of("admin")).sign();
        given().auth().oauth2(token).get("/api/drills/x").then().statusCode(401);
    }

    @Test
    void aTokenSignedWithAnotherKeyIs401() throws Exception {
        var generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String token = io.smallrye.jwt.build.Jwt.issuer(io.wfdr.localstack.TestSigningKeys.ISSUER)
                .audience(BearerTokens.AUDIENCE).upn("someone@wfdr.local").groups(java.util.Set.of("admin"))
                .sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(token).get("/api/drills/x").then().statusCode(401);
    }

    @Test
    void adminMayDoWhatOperatorMay() {
        given().auth().oauth2(BearerTokens.forRole("admin")).contentType("application/json").body(DRILL)
                .post("/api/drills").then().statusCode(201);
    }

    @Test
    void viewerMayReadButNotWrite() {
        given().auth().oauth2(BearerTokens.forRole("viewer")).get("/api/drills/unknown")
                .then().statusCode(404);
        given().auth().oauth2(BearerTokens.forRole("viewer")).contentType("application/json").body(DRILL)
                .post("/api/drills")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void operatorWritesAndReadsButOnlyAdminDeletes() {
        String id = given().auth().oauth2(BearerTokens.forRole("operator")).contentType("application/json")
                .body(DRILL).post("/api/drills")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(BearerTokens.forRole("operator")).get("/api/drills/" + id).then().statusCode(200);
        given().auth().oauth2(BearerTokens.forRole("operator")).delete("/api/drills/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(BearerTokens.forRole("approver")).delete("/api/drills/" + id).then().statusCode(403);
        given().auth().oauth2(BearerTokens.forRole("admin")).delete("/api/drills/" + id).then().statusCode(204);
    }

    @Test
    void tokenWithoutAnyWfdrRoleIsForbidden() {
        given().auth().oauth2(BearerTokens.forRole("guest")).get("/api/drills/x")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/health/ready", "/q/openapi", "/q/swagger-ui/",
            "/q/metrics"})
    void operationalEndpointsStayOpen(String path) {
        given().get(path).then().statusCode(200);
    }

    @Test
    void openApiDeclaresTheBearerSchemeSoSwaggerUiCanAuthorize() {
        given().accept("application/json").get("/q/openapi")
                .then().statusCode(200)
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }
}
