package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.DatabaseKind;
import io.wfdr.inventory.domain.RecoveryModel;

public record DatabaseView(String id, String name, DatabaseKind kind, String serverId, String environmentId,
        RecoveryModel recoveryModel, int rpoMinutes, int rtoMinutes) {
}
