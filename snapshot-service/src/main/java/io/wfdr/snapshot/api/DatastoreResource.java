package io.wfdr.snapshot.api;

import io.wfdr.snapshot.service.Datastores;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

@Path("/api/vm-hosts/{hostId}/datastore")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DatastoreResource {

    private final Datastores datastores;

    DatastoreResource(Datastores datastores) {
        this.datastores = datastores;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VM host's datastore folders", description = "404 when none are set.")
    public DatastoreView getDatastore(@PathParam("hostId") String hostId) {
        return datastores.get(hostId);
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Set the VM host's datastore folders", description = "Where its VMs' snapshots (or, on a DR "
            + "host, the replicas it receives) and rebuilt disks are kept, as this service reaches them. Absolute "
            + "paths; bad input is a 400 naming each field, and nothing is saved.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "A DR host's datastore mounted here",
            value = "{\"snapshotFolder\": \"/mnt/kvm-dr-01/wfdr/snapshots\", "
                    + "\"diskFolder\": \"/mnt/kvm-dr-01/wfdr/disks\"}")))
    public DatastoreView putDatastore(@PathParam("hostId") String hostId, @Valid @NotNull DatastoreRequest request) {
        return datastores.put(hostId, request);
    }
}
