package io.wfdr.inventory.messaging;

import io.wfdr.spine.events.EventType;

/**
 * The virtual machine {@code serverId} now runs on the VM host {@code toHostId} at the site {@code toSiteId}: the
 * snapshot service rebuilt it there from its replicated snapshots (or moved it back at failback). Published with the
 * server's {@code server.updated} in the same transaction; keyed by the server.
 */
@EventType("wfdr.inventory.server.rehosted.v1")
public record ServerRehosted(String serverId, String serverName, String fromHostId, String toHostId,
        String fromSiteId, String toSiteId, String operationId, String reason) {
}
