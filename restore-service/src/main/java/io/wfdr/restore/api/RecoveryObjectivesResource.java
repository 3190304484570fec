package io.wfdr.restore.api;

import io.wfdr.restore.service.RecoveryObjectives;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/databases/{id}/rto")
@Tag(name = "Recovery objectives", description = "Predicted RTO and data loss next to the database's targets")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryObjectivesResource {

    private final RecoveryObjectives objectives;

    RecoveryObjectivesResource(RecoveryObjectives objectives) {
        this.objectives = objectives;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The predicted RTO and worst-case data loss", description = "On the DR server paired with "
            + "the database's server, at its measured restore throughput (or the documented defaults, marked "
            + "unmeasured): now (the restore to the latest reachable point) and at the backup policy's worst moment, "
            + "just before the next full, when the differential holds the most change — next to the database's RTO "
            + "and RPO targets.")
    public RtoView rto(@PathParam("id") String databaseId) {
        return objectives.of(databaseId);
    }
}
