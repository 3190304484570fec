package io.wfdr.localstack;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.authentication.PreemptiveOAuth2HeaderScheme;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every REST Assured call a test makes to {@code /api/…} is checked against the service's own OpenAPI document
 * (served at {@code /q/openapi} by the application under test), so the document cannot drift from the wire: a
 * status, a header or a body the document does not describe fails the test, and so does a request the service
 * accepted although the document forbids it. A request the service refused (4xx) may break the document's rules —
 * tests send bad input on purpose — but the refusal itself must be documented.
 *
 * <p>Registered before every {@code @QuarkusTest} method of every module (a Quarkus test callback, see
 * {@code META-INF/services}).
 */
public final class OpenApiWire implements QuarkusTestBeforeEachCallback {

    private static final Filter EVERY_API_CALL = new WireCheck();
    private static final Map<String, OpenApiInteractionValidator> VALIDATORS = new ConcurrentHashMap<>();

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(EVERY_API_CALL)) {
            RestAssured.filters(EVERY_API_CALL);
        }
    }

    /** The checks one call's request and answer fail, as readable lines; empty when both match the document. */
    static List<String> violations(ValidationReport report, int status) {
        boolean refused = status >= 400 && status < 500;
        return report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .filter(m -> !(refused && m.getKey().startsWith("validation.request")))
                .map(m -> m.getKey() + ": " + m.getMessage())
                .collect(Collectors.toList());
    }

    private static OpenApiInteractionValidator validator() {
        String document = RestAssured.baseURI + ":" + RestAssured.port + "/q/openapi";
        return VALIDATORS.computeIfAbsent(document,
                url -> OpenApiInteractionValidator.createForSpecificationUrl(url).build());
    }

    private static final class WireCheck implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification expected,
                FilterContext context) {
            Response response = context.next(request, expected);
            String path = URI.create(request.getURI()).getRawPath();
            if (path == null || !path.startsWith("/api/")) {
                return response;
            }
            showBearerToken(request);
            List<String> violations = violations(validator().validate(RestAssuredRequest.of(request),
                    RestAssuredResponse.of(response)), response.statusCode());
            if (!violations.isEmpty()) {
                throw new AssertionError(request.getMethod() + " " + path + " answered " + response.statusCode()
                        + " off its OpenAPI document:\n  " + String.join("\n  ", violations));
            }
            return response;
        }

        /** REST Assured adds {@code auth().oauth2(…)}'s header after the filters; the document's check needs it. */
        private static void showBearerToken(FilterableRequestSpecification request) {
            if (request.getAuthenticationScheme() instanceof PreemptiveOAuth2HeaderScheme oauth
                    && !request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", "Bearer " + oauth.getAccessToken());
            }
        }
    }
}
