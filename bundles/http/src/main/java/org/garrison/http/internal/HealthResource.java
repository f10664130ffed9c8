package org.garrison.http.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.server.ServerIdentity;
import org.garrison.api.store.DatabaseInfo;
import org.garrison.api.store.DatabaseStatus;
import org.garrison.api.store.SchemaRegistry;
import org.garrison.api.store.SchemaState;
import org.garrison.api.store.SchemaStatus;
import org.garrison.api.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Public liveness and readiness of the server, for load balancers, monitoring and the console.
 */
@Component(service = HealthResource.class)
@JaxrsResource
@JSONRequired
@Path("health")
@Tag(name = "Server", description = "The server itself")
public class HealthResource {

    private final DatabaseInfo database;
    private final String version;
    private final Clock clock = Clock.systemUTC();
    private final Instant processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServerIdentity identity;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaRegistry schemaRegistry;

    @Activate
    public HealthResource(BundleContext context, @Reference DatabaseInfo database) {
        this.database = database;
        this.version = context.getBundle().getHeaders("").get("Garrison-Version");
    }

    /** The installation's identity, or {@code null} while its record cannot be read (the server is not ready). */
    private static Installation installationOf(ServerIdentity server) {
        try {
            return new Installation(server.id(), server.installedAt());
        } catch (StoreException notReadable) {
            return null;
        }
    }

    private Health.SchemaHealth schemaHealth() {
        SchemaRegistry registry = schemaRegistry;
        List<SchemaStatus> all = registry == null ? List.of() : registry.schemas();
        return new Health.SchemaHealth(
                (int) all.stream().filter(s -> s.state() == SchemaState.READY).count(),
                namesIn(all, SchemaState.MIGRATING), namesIn(all, SchemaState.FAILED));
    }

    private static List<String> namesIn(List<SchemaStatus> all, SchemaState state) {
        return all.stream().filter(s -> s.state() == state).map(SchemaStatus::name).toList();
    }

    private record Installation(UUID id, Instant installedAt) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Server health",
            description = "Public. UP (200) when the server and its database serve requests and no schema is still "
                    + "being migrated, DOWN (503) otherwise. Schemas that failed to migrate are listed; they "
                    + "disable the bundle that owns them, not the server.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The server is up",
                        content = @Content(schema = @Schema(implementation = Health.class))),
                @ApiResponse(responseCode = "503", description = "The server is down or still starting",
                        content = @Content(schema = @Schema(implementation = Health.class)))})
    @PublicEndpoint
    public Response health() {
        ServerIdentity server = identity;
        DatabaseStatus db = database.status();
        Installation installation = server == null ? null : installationOf(server);
        Health.SchemaHealth schemas = schemaHealth();
        boolean up = db.up() && installation != null && schemas.migrating().isEmpty();
        Instant started = server != null ? server.startedAt() : processStart;
        Health health = new Health(up ? "UP" : "DOWN", version, started,
                Math.max(0, Duration.between(started, clock.instant()).toSeconds()),
                new Health.DatabaseHealth(db.kind() == null ? null : db.kind().wireName(), db.product(),
                        db.up() ? "UP" : "DOWN"),
                installation == null ? null : installation.id(),
                installation == null ? null : installation.installedAt(), schemas);
        return Response.status(up ? 200 : 503).entity(health).header("Cache-Control", "no-store").build();
    }
}
