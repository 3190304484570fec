package io.wfdr.restore.api;

import java.time.Instant;

/**
 * The points in time the catalog can restore a database to: from the oldest usable full to {@code latest}, and why
 * nothing later can be reached (a log gap, a damaged or unverified backup, or simply nothing taken since).
 */
public record ReachView(String databaseId, Instant earliest, Instant latest, String whyNotLater) {
}
