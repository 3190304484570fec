package io.wfdr.backup.api;

import java.util.List;

import io.wfdr.backup.domain.PolicyTradeOff;

/** A policy with what it means: the trade-off numbers and the warnings an operator should read. */
public record PolicyView(String databaseId, String databaseName, PolicyRequest policy, boolean paused,
        PolicyTradeOff tradeOff, List<String> warnings) {
}
