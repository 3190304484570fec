package io.wfdr.backup.messaging;

import java.time.Instant;

import io.wfdr.spine.events.EventType;

/** A republish request was worked off: every backup set it covers was sent again, with its verified copies. */
@EventType("wfdr.backup.republished.v1")
public record CatalogRepublished(String requestId, String databaseId, int backupSets, Instant requestedAt,
        Instant finishedAt) {
}
