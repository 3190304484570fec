package io.wfdr.inventory.api;

import io.wfdr.inventory.service.ComplianceService;
import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/requirements")
@Tag(name = "Requirements", description = "The guide's hardware and software requirement tables")
@Produces(MediaType.APPLICATION_JSON)
public class RequirementResource {

    private final ComplianceService compliance;

    RequirementResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "The requirement tables the compliance checks use")
    public RequirementsView requirements() {
        return compliance.requirements();
    }
}
