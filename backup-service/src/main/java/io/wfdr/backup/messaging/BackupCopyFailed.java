package io.wfdr.backup.messaging;

import java.time.Instant;

import io.wfdr.spine.events.EventType;

/**
 * An attempt to copy a backup file to, or verify it at, an offsite destination failed. {@code nextAttemptAt} is
 * when it is tried again; null when it was abandoned after its last attempt (its partial file removed).
 */
@EventType("wfdr.backup.copy-failed.v1")
public record BackupCopyFailed(String operationId, String databaseId, OffsiteCopyFacts copy, int attempt,
        Instant nextAttemptAt, String reason) {
}
