package io.wfdr.backup.api;

import java.util.List;

import io.wfdr.backup.domain.PolicyTradeOff;

/**
 * A policy with what it means: the trade-off numbers, what a restore would apply today (null while the catalog has
 * no chain), and the warnings an operator should read.
 */
public record PolicyView(String databaseId, String databaseName, PolicyRequest policy, boolean paused,
        PolicyTradeOff tradeOff, RestoreWork restoreNow, List<String> warnings) {
}
