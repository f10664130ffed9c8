package com.example.helloapp.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Ids;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The greetings the devices reported: {@code GET /api/v1/plugins/hello-app/resources/greetings} (the whole fleet)
 * and {@code .../greetings/{deviceId}} (one device). The server authenticates every call, checks the declared
 * permission and turns the exceptions of {@code org.garrison.api.error} into problem+json answers.
 */
@Component(service = GreetingsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(garrison.plugin=" + HelloApp.ID + ")")
@JSONRequired
@Path("greetings")
@Tag(name = "Hello App")
public class GreetingsResource {

    static final int MAX_LIMIT = 1000;

    private final Transactions transactions;
    private final GreetingRepository greetings = new GreetingRepository();

    /** {@code schema} is not used: it makes the component wait until the plugin's tables exist. */
    @Activate
    public GreetingsResource(@Reference Transactions transactions,
            @Reference(target = HelloApp.SCHEMA_FILTER) MigratedSchema schema) {
        this.transactions = transactions;
    }

    /**
     * The fleet's greetings, newest first. The listing is not narrowed to the caller's groups, so it needs the
     * permission on the whole server; the one-device method below is scoped to the device's group.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listHelloAppGreetings", summary = "The devices' last greetings, newest first")
    @ApiResponse(responseCode = "200", description = "The greetings")
    @ApiResponse(responseCode = "422", description = "limit is not between 1 and 1000")
    @RequiresPermission(value = HelloApp.READ, everywhere = true)
    public List<Greeting> list(@Parameter(description = "At most this many (1-1000, default 100)")
            @QueryParam("limit") @DefaultValue("100") String limit) {
        int count = limit(limit);
        return transactions.inTransaction(c -> greetings.newest(c, count));
    }

    @GET
    @Path("{deviceId}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHelloAppGreeting", summary = "One device's last greeting")
    @ApiResponse(responseCode = "200", description = "The device's last greeting")
    @ApiResponse(responseCode = "404", description = "The device reported no greeting")
    @RequiresPermission(value = HelloApp.READ, scopeFrom = "path:deviceId", objectKind = DeviceService.OBJECT_TYPE)
    public Greeting device(@Parameter(description = "The device's id") @PathParam("deviceId") String deviceId) {
        UUID id = Ids.parse("deviceId", deviceId);
        return transactions.inTransaction(c -> greetings.find(c, id))
                .orElseThrow(() -> new NotFoundException("hello-app-greeting", id));
    }

    static int limit(String text) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below, like an out-of-range number
        }
        throw new ValidationException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
