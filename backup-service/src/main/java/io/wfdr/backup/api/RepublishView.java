package io.wfdr.backup.api;

import io.wfdr.backup.domain.RepublishRequest;

/** A request to send the catalog again, as accepted: worked off in the background. */
public record RepublishView(String requestId, String databaseId, String state) {

    static RepublishView of(RepublishRequest request) {
        return new RepublishView(request.id, request.databaseId, request.state.name());
    }
}
