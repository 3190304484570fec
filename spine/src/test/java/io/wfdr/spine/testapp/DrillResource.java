package io.wfdr.spine.testapp;

import java.net.URI;

import io.wfdr.spine.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

@Path("/api/drills")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DrillResource {

    private final DrillService drills;

    DrillResource(DrillService drills) {
        this.drills = drills;
    }

    @POST
    @RolesAllowed(Roles.OPERATOR)
    @APIResponseSchema(value = Drill.class, responseCode = "201", responseDescription = "The drill")
    public Response schedule(@Valid @NotNull DrillRequest request) {
        Drill drill = drills.schedule(request);
        return Response.created(URI.create("/api/drills/" + drill.id)).entity(drill).build();
    }

    @GET
    @Path("/{id}")
    public Drill get(@PathParam("id") String id) {
        return drills.find(id);
    }

    @POST
    @Path("/{id}/runs")
    @RolesAllowed(Roles.OPERATOR)
    public void run(@PathParam("id") String id) {
        drills.countRunThenFail(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    public void cancel(@PathParam("id") String id) {
        drills.cancel(id);
    }
}
