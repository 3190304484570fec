package io.wfdr.inventory.domain;

import java.util.List;

/** What keeps a DR server from standing in for its production server today. Empty {@code items}: in step. */
public record DriftReport(String pairId, String productionServerId, String productionServer, String drServerId,
        String drServer, boolean inSync, List<DriftItem> items) {

    public record DriftItem(DriftKind kind, String artifact, String production, String dr) {
    }

    public enum DriftKind { TRANSFLO_VERSION, WORKFLOW_VERSION, MISSING_DEPLOYMENT, DEPLOYMENT_VERSION }
}
