package io.wfdr.backup.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.wfdr.backup.domain.PolicyTradeOff;

/**
 * A policy with what it means: the trade-off numbers, what a restore would apply today (left out while the catalog
 * has no chain), and the warnings an operator should read.
 */
public record PolicyView(String databaseId, String databaseName, PolicyRequest policy, boolean paused,
        PolicyTradeOff tradeOff, @JsonInclude(JsonInclude.Include.NON_NULL) RestoreWork restoreNow,
        List<String> warnings) {
}
