package io.wfdr.inventory.service;

/**
 * What a restore runbook asks once it restored and verified a database on the DR SQL Server: that the restored copy
 * ({@code name} on {@code serverId}) become the database the environment's Workflow uses instead of
 * {@code databaseId}, and that the TFLOWF System DSN {@code dsnId} point at it.
 */
public record TakeOverCommand(String databaseId, String serverId, String name, String dsnId, String runbookId,
        String reason, String ticketId) {
}
