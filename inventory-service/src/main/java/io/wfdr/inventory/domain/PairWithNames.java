package io.wfdr.inventory.domain;

/** A pair as lists show it: with the registered names of its production and DR servers. */
public record PairWithNames(ServerPair pair, String productionServerName, String drServerName) {
}
