package io.wfdr.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import com.atlassian.oai.validator.report.ValidationReport;
import org.junit.jupiter.api.Test;

class OpenApiWireTest {

    private static final ValidationReport REPORT = ValidationReport.from(
            ValidationReport.Message.create("validation.request.body.schema.required", "name is required").build(),
            ValidationReport.Message.create("validation.response.status.unknown", "409 not defined").build());

    @Test
    void aRequestTheServiceAcceptedAlthoughItsDocumentForbidsItIsDrift() {
        assertEquals(List.of("validation.request.body.schema.required: name is required",
                "validation.response.status.unknown: 409 not defined"), OpenApiWire.violations(REPORT, 201));
    }

    @Test
    void aRequestTheServiceRefusedMayBreakTheDocumentButTheRefusalMustBeDocumented() {
        assertEquals(List.of("validation.response.status.unknown: 409 not defined"),
                OpenApiWire.violations(REPORT, 409));
    }
}
