package io.wfdr.backup.api;

import io.wfdr.backup.service.Connections;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/sql-servers/{serverId}/connection")
@Tag(name = "SQL Server connections", description = "How the backup service reaches each database server")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ServerConnectionResource {

    private final Connections connections;

    ServerConnectionResource(Connections connections) {
        this.connections = connections;
    }

    @PUT
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Set how to reach a database server", description = "Port (default 1433) or named "
            + "instance, TLS (encrypt by default), and which of its SQL logins to use; its password stays a secret "
            + "reference, resolved only when connecting.")
    public ConnectionRequest put(@PathParam("serverId") String serverId, @Valid @NotNull ConnectionRequest request) {
        return connections.put(serverId, request);
    }

    @GET
    @RolesAllowed(Roles.VIEWER)
    @Operation(summary = "How the backup service reaches a database server")
    public ConnectionRequest get(@PathParam("serverId") String serverId) {
        return connections.get(serverId);
    }
}
