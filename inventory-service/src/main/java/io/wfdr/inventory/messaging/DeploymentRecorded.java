package io.wfdr.inventory.messaging;

import io.wfdr.inventory.api.DeploymentView;
import io.wfdr.spine.events.EventType;

@EventType("wfdr.inventory.deployment.recorded.v1")
public record DeploymentRecorded(DeploymentView deployment) {
}
