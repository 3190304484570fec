package io.wfdr.snapshot.api;

import java.net.URI;
import java.util.List;

import io.wfdr.snapshot.domain.SnapshotKind;
import io.wfdr.snapshot.service.SnapshotCatalog;
import io.wfdr.snapshot.service.VmOperations;
import io.wfdr.snapshot.service.VmService;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/vms/{vmId}/snapshots")
@Tag(name = "Snapshots", description = "Snapshots of running VMs, their replication to the DR VM host, revert and "
        + "rebuild, as operations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SnapshotResource {

    private final VmOperations operations;
    private final SnapshotCatalog catalog;
    private final VmService vms;

    SnapshotResource(VmOperations operations, SnapshotCatalog catalog, VmService vms) {
        this.operations = operations;
        this.catalog = catalog;
        this.vms = vms;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Snapshot a running VM now", description = "The VM runs on. An incremental holds the blocks "
            + "written since its newest snapshot on its host (a full when it has none, or when the host lost track of "
            + "the changes — the snapshot then says why); quiesced when a guest agent answers, else crash-consistent. "
            + "202 with the operation's Location. Send an Idempotency-Key: a retry with the same key gets the first "
            + "operation back.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "Incremental, replicated",
            value = "{\"kind\": \"INCREMENTAL\", \"replicate\": true}")))
    @APIResponseSchema(value = OperationView.class, responseCode = "202",
            responseDescription = "The snapshot operation; Location names it")
    @APIResponse(responseCode = "409", description = "The VM's host is not known, not a KVM host wfdr reaches, has "
            + "no datastore folders, or another operation is at work on the VM; nothing was started")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used before for another request")
    public Response snapshot(@PathParam("vmId") String vmId, SnapshotRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        SnapshotRequest asked = request == null ? new SnapshotRequest(null, null) : request;
        VmOperations.Accepted accepted = operations.snapshot(vmId,
                asked.kind() == null ? SnapshotKind.INCREMENTAL : asked.kind(), asked.replicate(), idempotencyKey);
        return Response.accepted(accepted.operation())
                .location(URI.create("/api/snapshot-operations/" + accepted.operation().id())).build();
    }

    @GET
    @Path("/script")
    @Produces(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The commands of a snapshot, without running them", description = "What POST would run now: "
            + "virsh, qemu-img and qemu-nbd commands, one per line, arguments quoted for a POSIX shell.")
    public String snapshotScript(@PathParam("vmId") String vmId, @QueryParam("kind") SnapshotKind kind,
            @QueryParam("replicate") Boolean replicate) {
        return operations.snapshotScript(vmId, kind == null ? SnapshotKind.INCREMENTAL : kind, replicate);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VM's snapshots, newest first", description = "Each with its chain, hashes, what it "
            + "changed and where its replica is; good = taken and verified at the DR host.")
    public List<SnapshotView> listSnapshots(@PathParam("vmId") String vmId) {
        vms.vm(vmId);
        return catalog.of(vmId).stream().map(SnapshotView::of).toList();
    }
}
