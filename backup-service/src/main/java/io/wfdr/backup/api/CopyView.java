package io.wfdr.backup.api;

import java.time.Instant;

import io.wfdr.backup.domain.CopyState;

/** A copy of the operation's backup file at one destination, and where it stands. */
public record CopyView(String id, String hostId, String siteId, String path, String restorePath, long bytes,
        String sha256, Instant verifiedAt, CopyState state, int attempts, Instant nextAttemptAt, String error) {
}
