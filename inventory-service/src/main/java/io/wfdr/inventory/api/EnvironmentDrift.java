package io.wfdr.inventory.api;

import java.util.List;

import io.wfdr.inventory.domain.DriftReport;

/**
 * Whether the DR side of an environment is in step with production: each pair's drift, and the production
 * servers that have no DR server at all.
 */
public record EnvironmentDrift(String environmentId, boolean inSync, List<DriftReport> pairs,
        List<String> productionServersWithoutDr) {
}
