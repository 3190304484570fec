package io.wfdr.snapshot.api;

import io.wfdr.snapshot.service.ActivityWindows;
import io.wfdr.snapshot.service.PolicyService;
import io.wfdr.snapshot.service.VmService;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/vms")
@Tag(name = "VMs and snapshot policies", description = "The VMs the inventory announced and how each is protected "
        + "by snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class VmResource {

    static final String POLICY_EXAMPLE = """
            {"fullWindowStart": "01:00", "fullWindowEnd": "04:00", "zone": "America/New_York",
             "incrementalEveryMinutes": 15, "replicate": true, "fullChainsToKeepAtSource": 2,
             "fullChainsToKeepAtDr": 7}""";

    private final VmService vms;
    private final PolicyService policies;
    private final ActivityWindows windows;

    VmResource(VmService vms, PolicyService policies, ActivityWindows windows) {
        this.vms = vms;
        this.policies = policies;
        this.windows = windows;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VMs to protect", description = "The servers the inventory announced as virtual "
            + "machines (physical servers are not here), each with its VM host, site, DR VM host and a summary of its "
            + "snapshot policy; by current name, paged like every list.")
    public Page<VmView> listVms(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return vms.list(page, size);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "One VM to protect", description = "With its VM host, site, DR VM host (or why there is "
            + "none) and a summary of its snapshot policy.")
    public VmView getVm(@PathParam("id") String id) {
        return vms.get(id);
    }

    @GET
    @Path("/{id}/policy")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VM's snapshot policy", description = "As stored, with its DR VM host, the full window's "
            + "next opening and the warnings an operator should read; 404 when the VM has no policy.")
    public PolicyView getPolicy(@PathParam("id") String id) {
        return policies.get(id);
    }

    @PUT
    @Path("/{id}/policy")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Set the VM's snapshot policy", description = "A full daily inside the window (it may cross "
            + "midnight), an incremental every 5 to 720 minutes, replication of each to the DR VM host (by default "
            + "the one VM host at a DR site of the VM's environment), and retention by whole chains (a full and its "
            + "incrementals) at the source and at DR. A paused policy stays paused. Bad input is a 400 naming every "
            + "field; a policy that replicates without a DR host it can name or derive is a 422. Either way nothing "
            + "is changed.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Full 01:00-04:00 New York, incrementals every "
            + "15 minutes", value = POLICY_EXAMPLE)))
    @APIResponseSchema(value = PolicyView.class, responseCode = "200", responseDescription = "The policy as saved")
    @APIResponse(responseCode = "422", description = "The policy replicates but names no drHostId, and the "
            + "inventory has no single VM host at a DR site of the VM's environment; the problem names the candidates")
    public PolicyView setPolicy(@PathParam("id") String id, @Valid @NotNull PolicyRequest request) {
        return policies.put(id, request);
    }

    @POST
    @Path("/{id}/policy/pause")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Pause the VM's snapshot policy", description = "No snapshot is taken or replicated until "
            + "it is resumed; 409 when it is paused already.")
    public PolicyView pausePolicy(@PathParam("id") String id) {
        return policies.pause(id, true);
    }

    @POST
    @Path("/{id}/policy/resume")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Resume the VM's snapshot policy", description = "409 when it is not paused.")
    public PolicyView resumePolicy(@PathParam("id") String id) {
        return policies.pause(id, false);
    }

    @GET
    @Path("/{id}/policy/suggested-window")
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "Suggest the low-activity window for the VM's full", description = "From measured activity: "
            + "the bytes each incremental found changed, spread evenly over the interval it covers and summed per hour "
            + "of the day (in the policy's zone, or the zone given) over the last days; the suggestion is the run of "
            + "consecutive hours of the length asked for with the fewest bytes. Always 200 for a known VM: without "
            + "measurements yet (or too few hours measured), suggested is false, start and end are null, and note "
            + "says why. Nothing is changed: set the window with PUT .../policy.")
    public SuggestedWindow suggestWindow(@PathParam("id") String id,
            @Parameter(description = "The window's length in hours, 1 to 23; 2 when left out",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "23"))
            @QueryParam("hours") Integer hours,
            @Parameter(description = "How many days back to look, 1 to 31; 7 when left out",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "31"))
            @QueryParam("days") Integer days,
            @Parameter(description = "The time zone id of the hours, e.g. America/New_York; the policy's when left "
                    + "out (UTC without one)", schema = @Schema(type = SchemaType.STRING, maxLength = 60))
            @QueryParam("zone") String zone) {
        return windows.suggest(id, hours, days, zone);
    }
}
