package io.wfdr.localstack;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;

/**
 * REST Assured filters that check what a test sends and gets against the service's own OpenAPI document (served at
 * {@code /q/openapi} by the application under test), so the document cannot drift from the wire: a status, a header
 * or a body the document does not describe fails the test.
 */
public final class OpenApiWire {

    private static OpenApiValidationFilter both;
    private static OpenApiValidationFilter responses;

    private OpenApiWire() {
    }

    /** Requests and responses. */
    public static synchronized OpenApiValidationFilter filter() {
        if (both == null) {
            both = new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(document())
                    .build());
        }
        return both;
    }

    /** Responses only: for a test that sends what the document forbids, to see it refused as documented. */
    public static synchronized OpenApiValidationFilter responsesOnly() {
        if (responses == null) {
            responses = new OpenApiValidationFilter(OpenApiInteractionValidator.createForSpecificationUrl(document())
                    .withLevelResolver(LevelResolver.create().withLevel("validation.request",
                            ValidationReport.Level.IGNORE).build())
                    .build());
        }
        return responses;
    }

    private static String document() {
        return RestAssured.baseURI + ":" + RestAssured.port + "/q/openapi";
    }
}
