package io.wfdr.backup.api;

import java.io.IOException;
import java.net.URI;

import io.wfdr.backup.service.CatalogImports;
import io.wfdr.backup.service.CopyVerification;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/catalog")
@Tag(name = "Catalog", description = "Filling the backup catalog from msdb and from offsite destinations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {

    private final CatalogImports imports;
    private final CopyVerification verification;
    private final io.wfdr.backup.service.CatalogService catalog;
    private final io.wfdr.backup.service.Republisher republisher;

    CatalogResource(CatalogImports imports, CopyVerification verification,
            io.wfdr.backup.service.CatalogService catalog, io.wfdr.backup.service.Republisher republisher) {
        this.republisher = republisher;
        this.catalog = catalog;
        this.imports = imports;
        this.verification = verification;
    }

    @jakarta.ws.rs.GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The backups of a database", description = "Newest first, with what msdb recorded: type, "
            + "LSNs, differential base, copy-only, recovery fork, checksums, sizes and files.")
    public io.wfdr.spine.api.Page<io.wfdr.spine.contract.BackupSet> list(
            @QueryParam("databaseId") @NotBlank String databaseId,
            @QueryParam("type") io.wfdr.spine.contract.BackupType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return catalog.page(databaseId, type, page, size);
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Import backup history from msdb", description = "Backups other tools took (maintenance "
            + "plans, SQL Agent jobs) belong in the catalog, or chains break.")
    public CatalogImportResult importFromMsdb(@QueryParam("databaseId") @NotBlank String id,
            @QueryParam("days") @DefaultValue("30") @Min(1) @Max(3650) int days) {
        return imports.fromMsdb(id, days);
    }

    @POST
    @Path("/verify")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Verify the offsite copies again", description = "Hashes every verified copy of the "
            + "database (or of all databases) again; answers with how many are no longer intact.")
    public java.util.Map<String, Integer> verify(@QueryParam("databaseId") String databaseId) {
        return java.util.Map.of("notIntact", verification.verify(databaseId));
    }

    @POST
    @Path("/republish")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send the catalog again on wfdr.backup.events", description = "For a consumer that started "
            + "late (a restore service rebuilding its own catalog): every backup set, or one database's, as "
            + "wfdr.backup.cataloged.v1 with its verified copies; worked off in the background and resumed after a "
            + "restart; wfdr.backup.republished.v1 says when it is done. The same as the republish command on "
            + "wfdr.backup.commands.")
    @APIResponseSchema(value = RepublishView.class, responseCode = "202",
            responseDescription = "The request, worked off in the background")
    public Response republish(@QueryParam("databaseId") String databaseId,
            @QueryParam("reason") @Size(max = 500) String reason) {
        RepublishView accepted = RepublishView.of(republisher.requestNow(databaseId, reason));
        return Response.accepted(accepted).location(URI.create("/api/catalog/republish/" + accepted.requestId()))
                .build();
    }

    @jakarta.ws.rs.GET
    @Path("/republish/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "A request to send the catalog again", description = "PENDING while it is worked off, DONE "
            + "once every backup set was sent and wfdr.backup.republished.v1 published.")
    public RepublishView republishRequest(@jakarta.ws.rs.PathParam("id") String id) {
        return RepublishView.of(republisher.find(id));
    }

    @POST
    @Path("/rebuild")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Rebuild the catalog from a destination", description = "Reads the manifests next to the "
            + "backup files, hashes every file again, and records what is intact: for the day the catalog's own "
            + "database is gone.")
    public CatalogImportResult rebuild(@Valid @NotNull RebuildRequest request) throws IOException {
        return imports.fromDestination(request);
    }
}
