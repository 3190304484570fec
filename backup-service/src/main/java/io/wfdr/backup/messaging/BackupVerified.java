package io.wfdr.backup.messaging;

import io.wfdr.spine.events.EventType;

/**
 * A copy at a destination was read back and hashed again: {@code intact} says whether it still has the SHA-256
 * recorded when it was copied. A copy that is no longer intact no longer counts for RPO or retention.
 */
@EventType("wfdr.backup.verified.v1")
public record BackupVerified(String databaseId, OffsiteCopyFacts copy, boolean intact, String detail) {
}
