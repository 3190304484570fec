package io.wfdr.inventory.api;

import java.time.Instant;

import io.wfdr.inventory.domain.PairStatus;

public record PairView(String id, String environmentId, String productionServerId, String productionServerName,
        String drServerId, String drServerName, PairStatus status, boolean drifted, Instant pairedAt) {
}
