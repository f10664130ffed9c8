package org.garrison.extender.internal.rest;

import java.time.Instant;
import java.util.List;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.plugin.PluginState;
import org.garrison.api.security.SignedIn;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * What the active plugins add to the console, for every signed-in admin: an operator without {@code plugins.read}
 * still gets the pages of the applications they work with (each contribution names the permission it needs, which
 * the console checks; the plugin's resources check it again).
 */
@Component(service = ConsoleContributionsResource.class)
@JaxrsResource
@JSONRequired
@Path("console-contributions")
@Tag(name = "Plugins", description = "Managed-application plugins and their lifecycle")
public class ConsoleContributionsResource {

    private final PluginRegistry registry;

    /** One active plugin's console contributions. */
    @Schema(name = "ConsoleApplication")
    public record ConsoleApplication(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String id,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String name,
            String version,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Instant changedAt,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<PluginView.Console> console,
            @Schema(description = "The ids of the plugin's own permissions (when they change, the console reads "
                    + "the admin's permissions again)", requiredMode = Schema.RequiredMode.REQUIRED)
            List<String> permissions,
            @Schema(type = "object", description = "The JSON Schema of the application's policy settings, from "
                    + "which the console builds the policy form; absent when the application has no settings")
            JsonNode settingsSchema) {

        static ConsoleApplication of(PluginInfo info) {
            return new ConsoleApplication(info.id(), info.name(), info.version(), info.changedAt(),
                    info.contributions().console().stream().map(PluginView.Console::of).toList(),
                    info.contributions().permissions().stream().map(p -> p.id()).toList(),
                    PluginView.json(info.contributions().settingsSchema()));
        }
    }

    @Activate
    public ConsoleContributionsResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listConsoleContributions",
            summary = "The console pages, navigation entries, device tabs and settings schemas of the active plugins",
            description = "For any signed-in admin: the active plugins with console contributions or a settings "
                    + "schema (an operator with policies.read but without plugins.read edits policies with it).",
            responses = @ApiResponse(responseCode = "200", description = "By plugin id",
                    content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = ConsoleApplication.class)))))
    @SignedIn
    public List<ConsoleApplication> list() {
        return registry.plugins().stream()
                .filter(p -> p.state() == PluginState.ACTIVE && (!p.contributions().console().isEmpty()
                        || p.contributions().settingsSchema() != null))
                .map(ConsoleApplication::of).toList();
    }
}
