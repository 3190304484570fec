package io.wfdr.backup.api;

import java.util.List;

import io.wfdr.backup.domain.BackupChains;
import io.wfdr.backup.domain.RetentionPlan;
import io.wfdr.backup.service.CatalogService;
import io.wfdr.backup.service.PolicyService;
import io.wfdr.backup.service.ProtectedDatabaseService;
import io.wfdr.backup.service.RetentionService;
import io.wfdr.backup.service.RpoService;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/databases")
@Tag(name = "Databases and policies", description = "The databases the inventory announced and how each is backed up")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DatabaseResource {

    static final String POLICY_EXAMPLE = """
            {"full": {"kind": "DAILY", "time": "02:00", "timeZone": "America/New_York"},
             "differentialMinutes": 120, "logMinutes": 15, "backupFolder": "D:\\\\Backup\\\\TFLOWF",
             "destinations": [{"path": "/mnt/dr-nas/sql/TFLOWF", "hostId": "<DR site machine id>"}],
             "retentionDays": 14}""";

    private final ProtectedDatabaseService databases;
    private final PolicyService policies;
    private final CatalogService catalog;
    private final RpoService rpo;
    private final RetentionService retention;

    DatabaseResource(ProtectedDatabaseService databases, PolicyService policies, CatalogService catalog,
            RpoService rpo, RetentionService retention) {
        this.rpo = rpo;
        this.retention = retention;
        this.databases = databases;
        this.policies = policies;
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The databases to protect", description = "As announced by the inventory's events; paged "
            + "like every list.")
    public io.wfdr.spine.api.Page<ProtectedDatabaseView> list(
            @jakarta.ws.rs.QueryParam("page") @jakarta.ws.rs.DefaultValue("0") @jakarta.validation.constraints.Min(0)
            @jakarta.validation.constraints.Max(1_000_000) int page,
            @jakarta.ws.rs.QueryParam("size") @jakarta.ws.rs.DefaultValue("50") @jakarta.validation.constraints.Min(1)
            @jakarta.validation.constraints.Max(500) int size) {
        return databases.list(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One database to protect")
    public ProtectedDatabaseView get(@PathParam("id") String id) {
        return databases.get(id);
    }

    @GET
    @Path("/{id}/retention")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Retention dry run", description = "What retention would delete now, and why; and what "
            + "it keeps, and why. Nothing is deleted.")
    public RetentionPlan retentionDryRun(@PathParam("id") String id) {
        return retention.plan(id);
    }

    @POST
    @Path("/{id}/retention/apply")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Apply retention", description = "Deletes the expired backups' offsite copies and marks "
            + "them expired in the catalog; answers with the plan it applied.")
    public RetentionPlan applyRetention(@PathParam("id") String id) {
        return retention.apply(id);
    }

    @GET
    @Path("/{id}/rpo")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "RPO status", description = "Age of the newest backup restorable from offsite copies "
            + "alone, against the database's RPO target.")
    public RpoStatus rpo(@PathParam("id") String id) {
        return rpo.of(id);
    }

    @GET
    @Path("/{id}/chains")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The database's restore chains from the catalog", description = "Each full backup, the "
            + "differentials taken on it, the unbroken log backups after them, and every break with its reason.")
    public BackupChains.Result chains(@PathParam("id") String id) {
        databases.get(id);
        return BackupChains.of(catalog.of(id));
    }

    @GET
    @Path("/{id}/policy")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The database's backup policy, its trade-off numbers and warnings")
    public PolicyView policy(@PathParam("id") String id) {
        return policies.get(id);
    }

    @PUT
    @Path("/{id}/policy")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Set the database's backup policy", description = "Full daily, weekly or by cron; "
            + "differentials and log backups at intervals (log backups only under FULL or BULK_LOGGED); offsite "
            + "destinations on machines of the inventory. Answers with the worst-case data loss and restore work.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Daily full, 2-hourly differentials",
            value = POLICY_EXAMPLE)))
    public PolicyView setPolicy(@PathParam("id") String id, @Valid @NotNull PolicyRequest request) {
        return policies.put(id, request);
    }

    @POST
    @Path("/{id}/policy/pause")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pause the policy's schedules")
    public PolicyView pause(@PathParam("id") String id) {
        return policies.pause(id, true);
    }

    @POST
    @Path("/{id}/policy/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resume the policy's schedules")
    public PolicyView resume(@PathParam("id") String id) {
        return policies.pause(id, false);
    }
}
