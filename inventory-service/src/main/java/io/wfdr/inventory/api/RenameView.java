package io.wfdr.inventory.api;

import java.time.Instant;

public record RenameView(String serverId, String fromName, String toName, String reason, Instant renamedAt) {
}
