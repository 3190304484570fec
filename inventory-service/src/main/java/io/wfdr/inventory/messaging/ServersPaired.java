package io.wfdr.inventory.messaging;

import io.wfdr.inventory.api.PairView;
import io.wfdr.spine.events.EventType;

@EventType("wfdr.inventory.pair.paired.v1")
public record ServersPaired(PairView pair) {
}
