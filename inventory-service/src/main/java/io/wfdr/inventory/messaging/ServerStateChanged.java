package io.wfdr.inventory.messaging;

import io.wfdr.inventory.domain.ServerState;
import io.wfdr.spine.events.EventType;

@EventType("wfdr.inventory.server.state-changed.v1")
public record ServerStateChanged(String serverId, String serverName, ServerState from, ServerState to,
        String reason) {
}
