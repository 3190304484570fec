package io.wfdr.restore.api;

import java.io.IOException;

import io.wfdr.restore.service.ManifestImport;
import io.wfdr.restore.service.RestorePlanning;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api")
@Tag(name = "Restore catalog", description = "The restore service's own catalog of backups and copies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final ManifestImport imports;
    private final RestorePlanning planning;

    CatalogResource(ManifestImport imports, RestorePlanning planning) {
        this.imports = imports;
        this.planning = planning;
    }

    @POST
    @Path("/catalog/import")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Load the catalog from a destination's manifests", description = "For the day the backup "
            + "service and its database are gone: every manifest in the folder is read, each file it names must exist "
            + "with the manifest's size (and, with verifySha256, its SHA-256); what cannot be taken is listed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "The DR site's NAS", value = """
            {"path": "/mnt/dr-nas/sql/TFLOWF", "sqlServerPath": "\\\\\\\\nas-dr\\\\sql\\\\TFLOWF",
             "hostId": "<DR NAS machine id>", "siteId": "<DR site id>", "verifySha256": false}""")))
    public ImportResult importFromDestination(@Valid @NotNull ImportRequest request) throws IOException {
        return imports.fromDestination(request);
    }

    @GET
    @Path("/databases/{id}/reachable")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The points in time a restore can reach", description = "From the oldest usable full "
            + "backup to the latest point, using only undamaged backups with verified offsite copies of every "
            + "stripe; and why nothing later can be reached.")
    public ReachView reachable(@PathParam("id") String databaseId) {
        return planning.reach(databaseId);
    }
}
