package io.wfdr.inventory.api;

import java.util.List;
import java.util.Map;

import io.wfdr.inventory.domain.ComplianceLevel;
import io.wfdr.inventory.domain.ComplianceReport;

/** Every server of an environment against the requirement tables; {@code level} is the worst server's. */
public record EnvironmentCompliance(String environmentId, ComplianceLevel level, Map<ComplianceLevel, Long> servers,
        List<ComplianceReport> reports) {
}
