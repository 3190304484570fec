package io.wfdr.inventory.api;

import java.time.Instant;

import io.wfdr.inventory.domain.DeploymentKind;

public record DeploymentView(String id, String serverId, String environmentId, DeploymentKind kind, String name,
        String version, Instant deployedAt) {
}
