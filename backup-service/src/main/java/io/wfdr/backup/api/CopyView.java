package io.wfdr.backup.api;

import java.time.Instant;

/** A copy of the operation's backup file at one destination. */
public record CopyView(String hostId, String path, long bytes, String sha256, Instant verifiedAt, String error) {
}
