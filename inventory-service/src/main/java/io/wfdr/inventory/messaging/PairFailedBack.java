package io.wfdr.inventory.messaging;

import io.wfdr.inventory.api.PairView;
import io.wfdr.spine.events.EventType;

/** The production server is back online; the DR server has its own name again and stands by offline. */
@EventType("wfdr.inventory.pair.failed-back.v1")
public record PairFailedBack(PairView pair, String reason) {
}
