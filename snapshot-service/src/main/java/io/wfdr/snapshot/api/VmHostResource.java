package io.wfdr.snapshot.api;

import io.wfdr.snapshot.service.VmService;
import io.wfdr.spine.api.Page;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/vm-hosts")
@Tag(name = "VM hosts", description = "The VM hosts the inventory announced, where VMs run and replicas go")
@Produces(MediaType.APPLICATION_JSON)
public class VmHostResource {

    private final VmService vms;

    VmHostResource(VmService vms) {
        this.vms = vms;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The VM hosts", description = "The hosts the inventory announced as VM hosts (physical "
            + "machines are not here), with their hypervisor, connection reference (never a secret), site and how "
            + "many known VMs run on each; by name, paged like every list.")
    public Page<VmHostView> listVmHosts(
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return vms.hosts(page, size);
    }
}
