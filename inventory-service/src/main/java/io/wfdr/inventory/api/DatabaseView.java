package io.wfdr.inventory.api;

import io.wfdr.inventory.domain.DatabaseKind;
import io.wfdr.inventory.domain.RecoveryModel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A database as the API and the events show it. After a disaster the restored copy ({@code TFLOWF_DR}) is the
 * active one and names the production database it took over from, which is no longer active.
 */
public record DatabaseView(String id, String name, DatabaseKind kind, String serverId, String environmentId,
        RecoveryModel recoveryModel, int rpoMinutes, int rtoMinutes,
        @Schema(description = ACTIVE, required = true) boolean active,
        @Schema(description = TAKES_OVER_FROM) String takesOverFrom) {

    public static final String ACTIVE = "Whether this is the database the environment's Workflow uses now: true for "
            + "a registered database, false once a restored copy has taken over from it.";
    public static final String TAKES_OVER_FROM = "The id of the database this one replaced when it took over (the "
            + "production database a restored TFLOWF_DR stands in for); null when it replaced none.";
}
