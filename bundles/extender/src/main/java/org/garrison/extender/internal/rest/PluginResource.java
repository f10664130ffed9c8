package org.garrison.extender.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.apache.cxf.jaxrs.ext.multipart.Attachment;
import org.apache.cxf.jaxrs.ext.multipart.MultipartBody;
import org.garrison.api.Actor;
import org.garrison.api.error.ValidationException;
import org.garrison.api.plugin.PluginInfo;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.extender.internal.jar.PluginJarTooLarge;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Installed plugins: list, upload (install or upgrade), stop, start, uninstall.
 */
@Component(service = PluginResource.class)
@JaxrsResource
@JSONRequired
@Path("plugins")
@Tag(name = "Plugins", description = "Managed-application plugins and their lifecycle")
public class PluginResource {

    private static final String OBJECT_TYPE = "plugin";
    private static final String PROBLEM = "application/problem+json";
    private static final String JAR = "application/java-archive";

    private final PluginRegistry registry;

    /** The multipart form an upload sends: one field, {@code file}, holding the JAR. */
    @Schema(name = "PluginUpload")
    public record Upload(@Schema(type = "string", format = "binary", requiredMode = Schema.RequiredMode.REQUIRED)
            String file) {
    }

    @Activate
    public PluginResource(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPlugins", summary = "List installed plugins, refused ones included, by id",
            responses = @ApiResponse(responseCode = "200", description = "Every installed plugin",
                    content = @Content(array = @ArraySchema(schema = @Schema(implementation = PluginView.class)))))
    @RequiresPermission(Permissions.PLUGINS_READ)
    public List<PluginView> list() {
        return registry.plugins().stream().map(PluginView::of).toList();
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "installPlugin", summary = "Install or upgrade a plugin",
            description = "Uploads a plugin JAR as the form field 'file' (or as the raw body, with Content-Type "
                    + "application/java-archive). The JAR is checked before anything is installed: size, "
                    + "structure, entry names, manifest header and descriptor. A JAR whose plugin id is installed "
                    + "upgrades that plugin (never to an older version). The answer is the plugin once it has "
                    + "started: active, or refused with the reason (e.g. a failed migration).",
            requestBody = @RequestBody(required = true, content = {
                @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(implementation = Upload.class)),
                @Content(mediaType = JAR, schema = @Schema(type = "string", format = "binary"))}),
            responses = {
                @ApiResponse(responseCode = "201", description = "Installed",
                        content = @Content(schema = @Schema(implementation = PluginView.class))),
                @ApiResponse(responseCode = "200", description = "Upgraded",
                        content = @Content(schema = @Schema(implementation = PluginView.class))),
                @ApiResponse(responseCode = "409", description = "An older version than the installed one",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "413", description = "Larger than " + PluginRegistry.MAX_JAR_BYTES
                        + " bytes", content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Not a valid plugin JAR; every problem is listed",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public Response upload(MultipartBody body, @Context SecurityContext security, @Context UriInfo uri) {
        Attachment file = body == null ? null : body.getAttachment("file");
        if (file == null) {
            throw new ValidationException("file", "is missing: send the plugin JAR as the form field 'file'");
        }
        String fileName = file.getContentDisposition() == null ? null
                : file.getContentDisposition().getParameter("filename");
        try (InputStream in = file.getDataHandler().getInputStream()) {
            return install(in, fileName, security, uri);
        } catch (IOException e) {
            throw new ValidationException("file", "could not be read: " + e.getMessage());
        }
    }

    @POST
    @Consumes({JAR, MediaType.APPLICATION_OCTET_STREAM})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public Response uploadRaw(InputStream body, @QueryParam("fileName") String fileName,
            @Context SecurityContext security, @Context UriInfo uri) {
        return install(body, fileName, security, uri);
    }

    /**
     * A JSON body is the most common mistake when uploading; it gets a clear refusal (after the caller's permission
     * is checked, like any other call) instead of the runtime's bare "unsupported media type".
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public Response uploadJson() {
        throw new WebApplicationException("A plugin is uploaded as the form field 'file' of a multipart/form-data "
                + "body, or as the raw body with Content-Type " + JAR, Response.Status.UNSUPPORTED_MEDIA_TYPE);
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPlugin", summary = "A plugin with everything it contributes",
            responses = {
                @ApiResponse(responseCode = "200", description = "The plugin",
                        content = @Content(schema = @Schema(implementation = PluginView.class))),
                @ApiResponse(responseCode = "404", description = "No such plugin",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.PLUGINS_READ, objectKind = OBJECT_TYPE)
    public PluginView get(@PathParam("id") String id) {
        return PluginView.of(registry.plugin(id));
    }

    @POST
    @Path("{id}/stop")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "stopPlugin", summary = "Stop a plugin",
            description = "It contributes nothing until started again; its data is kept. It stays stopped across "
                    + "server restarts.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The stopped plugin",
                        content = @Content(schema = @Schema(implementation = PluginView.class))),
                @ApiResponse(responseCode = "404", description = "No such plugin",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public PluginView stop(@PathParam("id") String id, @Context SecurityContext security) {
        return PluginView.of(registry.stop(id, actor(security)));
    }

    @POST
    @Path("{id}/start")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "startPlugin", summary = "Start a stopped or refused plugin",
            description = "A refused plugin is checked again; the answer says whether it is active now.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The plugin after starting",
                        content = @Content(schema = @Schema(implementation = PluginView.class))),
                @ApiResponse(responseCode = "404", description = "No such plugin",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public PluginView start(@PathParam("id") String id, @Context SecurityContext security) {
        return PluginView.of(registry.start(id, actor(security)));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "uninstallPlugin", summary = "Uninstall a plugin",
            description = "Its tables and data stay, so installing it again finds them, unless purge=true: then "
                    + "its tables and its migration history are dropped.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Uninstalled"),
                @ApiResponse(responseCode = "404", description = "No such plugin",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "purge is neither true nor false",
                        content = @Content(mediaType = PROBLEM))})
    @RequiresPermission(value = Permissions.PLUGINS_WRITE, objectKind = OBJECT_TYPE)
    public Response uninstall(@PathParam("id") String id,
            @Parameter(description = "true drops the plugin's tables too (default false)") @QueryParam("purge")
            String purge, @Context SecurityContext security) {
        registry.uninstall(id, purge(purge), actor(security));
        return Response.noContent().build();
    }

    private Response install(InputStream jar, String fileName, SecurityContext security, UriInfo uri) {
        boolean known;
        PluginInfo installed;
        try {
            List<PluginInfo> before = registry.plugins();
            installed = registry.install(jar, fileName, actor(security));
            known = before.stream().anyMatch(p -> p.id().equals(installed.id()));
        } catch (PluginJarTooLarge e) {
            throw new WebApplicationException(e.getMessage(), Response.Status.REQUEST_ENTITY_TOO_LARGE);
        } catch (UncheckedIOException e) {
            throw new ValidationException("file", "could not be read: " + e.getCause().getMessage());
        }
        PluginView view = PluginView.of(installed);
        if (known) {
            return Response.ok(view).build();
        }
        return Response.created(uri.getBaseUriBuilder().path("plugins").path(installed.id()).build()).entity(view)
                .build();
    }


    private static boolean purge(String purge) {
        if (purge == null || purge.isBlank()) {
            return false;
        }
        return switch (purge.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException("purge", "must be true or false");
        };
    }

    private static Actor actor(SecurityContext security) {
        return Actor.of(security.getUserPrincipal());
    }
}
