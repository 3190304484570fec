package io.wfdr.inventory.messaging;

import io.wfdr.inventory.api.PairView;
import io.wfdr.spine.events.EventType;

/** The DR server is online under the production server's name; the production server is marked failed. */
@EventType("wfdr.inventory.pair.failed-over.v1")
public record PairFailedOver(PairView pair, String reason) {
}
