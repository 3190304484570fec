package io.wfdr.inventory.messaging;

import io.wfdr.spine.events.EventType;

/** The name a server answers to changed: a DR server took a failed production server's name, or gave it back. */
@EventType("wfdr.inventory.server.renamed.v1")
public record ServerRenamed(String serverId, String fromName, String toName, String reason) {
}
