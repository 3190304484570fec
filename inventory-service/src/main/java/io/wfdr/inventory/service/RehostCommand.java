package io.wfdr.inventory.service;

/**
 * What the snapshot service asks once it defined and started the virtual machine {@code serverId} on the VM host
 * {@code hostId} (a rebuild on the DR host, or the move back at failback), as part of its operation
 * {@code operationId}: that the inventory record the host, and the host's site, as the server's.
 */
public record RehostCommand(String serverId, String hostId, String operationId, String reason) {
}
