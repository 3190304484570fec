package io.wfdr.inventory.api;

import java.net.URI;
import java.util.List;

import io.wfdr.inventory.domain.ComplianceReport;
import io.wfdr.inventory.domain.ServerRole;
import io.wfdr.inventory.domain.ServerState;
import io.wfdr.inventory.service.ComplianceService;
import io.wfdr.inventory.service.FailoverService;
import io.wfdr.inventory.service.ServerService;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/servers")
@Tag(name = "Servers", description = "Production and DR servers: roles, VM or physical, hardware, software, state")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerResource {

    static final String SERVER_EXAMPLE = """
            {"name": "WFDR01", "siteId": "<DR site id>", "roles": ["WORKFLOW_IPROCESS_ENGINE"],
             "machineType": "VIRTUAL_MACHINE", "hostId": "<VM host id>",
             "hardware": {"cpuSockets": 2, "coresPerSocket": 2, "clockGhz": 3.0, "memoryGb": 8, "diskGb": 120,
                          "fileSystem": "NTFS"},
             "operatingSystem": {"name": "Windows Server 2019", "servicePack": "R2"},
             "software": {"transfloVersion": "9.4", "workflowVersion": "11.4.1"},
             "windowsServices": ["iProcess Engine WFDR01", "iProcess Process Sentinels WFDR01"],
             "remoteShell": {"port": 22, "user": "ATLANTA\\\\svc-wfdr", "secretRef": "k8s:wfdr-hosts/svc-wfdr-atlanta",
                             "hostKeyFingerprint": "SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU"}}""";

    private final ServerService servers;
    private final FailoverService failover;
    private final ComplianceService compliance;

    ServerResource(ServerService servers, FailoverService failover, ComplianceService compliance) {
        this.servers = servers;
        this.failover = failover;
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "List servers", description = "Filter by environment, site, role, state or name "
            + "(registered or current); sorted by name.")
    public Page<ServerView> list(@QueryParam("environmentId") String environmentId,
            @QueryParam("siteId") String siteId, @QueryParam("role") ServerRole role,
            @QueryParam("state") ServerState state, @QueryParam("name") String name,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return servers.list(environmentId, siteId, role, state, name, page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Get one server")
    public ServerView get(@PathParam("id") String id) {
        return servers.get(id);
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Register a server", description = "The name must be a valid Windows computer name; a VM "
            + "needs its VM host; a database server needs its SQL Server version; only a Workflow Web Server has a "
            + "workflowUrl; remoteShell.secretRef is a secret reference, never the password.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "DR Workflow server", value = SERVER_EXAMPLE)))
    @APIResponseSchema(value = ServerView.class, responseCode = "201", responseDescription = "The server; Location names it")
    public Response register(@Valid @NotNull ServerRequest request) {
        ServerView created = servers.register(request);
        return Response.created(URI.create("/api/servers/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Replace the description of a server", description = "Re-checks the drift of its pair. "
            + "Everything is replaced as sent: a windowsServices, remoteShell or workflowUrl left out is cleared.")
    public ServerView update(@PathParam("id") String id, @Valid @NotNull ServerRequest request) {
        return servers.update(id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove a server", description = "Refused with 409 while it is paired or referenced.")
    public void remove(@PathParam("id") String id) {
        servers.remove(id);
    }

    @GET
    @Path("/{id}/compliance")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Requirement compliance of a server",
            description = "RECOMMENDED, MINIMUM, BELOW_MINIMUM or UNSUPPORTED, with every finding.")
    public ComplianceReport compliance(@PathParam("id") String id) {
        return compliance.ofServer(id);
    }

    @GET
    @Path("/{id}/renames")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Names the server has answered to", description = "Recorded at failover and failback; "
            + "kept after the server is removed.")
    public List<RenameView> renames(@PathParam("id") String id) {
        return servers.renames(id);
    }

    @POST
    @Path("/{id}/online")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Bring a DR server online", description = "E.g. to deploy a new process or form to it. "
            + "Only an offline-standby DR server can; otherwise 409.")
    public ServerView bringOnline(@PathParam("id") String id,
            @RequestBody(required = false, description = StateChange.OPTIONAL) @Valid StateChange change) {
        return failover.bringOnline(id, reason(change, "brought online"));
    }

    @POST
    @Path("/{id}/offline")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Bring a DR server offline again", description = "Only an online DR server that does not "
            + "stand in for a failed production server can; otherwise 409.")
    public ServerView bringOffline(@PathParam("id") String id,
            @RequestBody(required = false, description = StateChange.OPTIONAL) @Valid StateChange change) {
        return failover.bringOffline(id, reason(change, "brought offline"));
    }

    static String reason(StateChange change, String fallback) {
        return change == null ? fallback : change.reasonOr(fallback);
    }
}
