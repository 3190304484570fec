package io.wfdr.backup.messaging;

import io.wfdr.spine.events.EventType;

/**
 * A backup file reached an offsite destination and was verified there: read back from the destination's storage
 * ({@code readBackDirect}: past the page cache; null where not known, e.g. a copy found by a rebuild) with the SHA-256 of the bytes sent.
 */
@EventType("wfdr.backup.copied.v1")
public record BackupCopied(String operationId, String databaseId, OffsiteCopyFacts copy, Boolean readBackDirect) {
}
