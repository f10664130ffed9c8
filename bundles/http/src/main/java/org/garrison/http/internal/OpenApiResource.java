package org.garrison.http.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.garrison.api.security.PublicEndpoint;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Serves the OpenAPI document of every resource registered right now, core and plugin alike: resources are looked
 * up on each request (not tracked), so a plugin's operations appear and disappear with it, below
 * {@code /plugins/<id>/resources} where its own JAX-RS application answers. The document is rebuilt only when the
 * set of resource classes changes.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@Path("openapi.json")
@Hidden
public class OpenApiResource {

    private static final String RESOURCES = "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)";
    private static final String PLUGIN_APPLICATIONS = "(&(" + JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE
            + "=*)(" + ApiApplications.PLUGIN_PROPERTY + "=*))";
    private static final String DEFAULT_APPLICATION = "=.default)";

    private final BundleContext context;
    private final String version;
    private volatile Cached cached;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.context = context;
        this.version = context.getBundle().getHeaders("").get("Garrison-Version");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @PublicEndpoint
    public Response document() throws JsonProcessingException {
        Map<Class<?>, String> resources = resources();
        Cached current = cached;
        if (current == null || !current.resources().equals(resources)) {
            current = new Cached(resources, Json.pretty(OpenApiDocument.build(version, resources)));
            cached = current;
        }
        return Response.ok(current.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * Every resource class of the API with where its application sits: core resources in the default application,
     * plugin resources in their plugin's application (found through the resource's application filter). Resources
     * of any other application are not part of this API.
     */
    private Map<Class<?>, String> resources() {
        Map<Class<?>, String> resources = new LinkedHashMap<>();
        ServiceReference<?>[] references = references(RESOURCES);
        ServiceReference<?>[] pluginApplications = references(PLUGIN_APPLICATIONS);
        Arrays.sort(references);
        for (ServiceReference<?> reference : references) {
            String prefix = prefixOf(reference, pluginApplications);
            if (prefix == null) {
                continue;
            }
            Object service = context.getService(reference);
            if (service != null) {
                try {
                    resources.put(service.getClass(), prefix);
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        return resources;
    }

    /** Where a resource's application sits below the API root, or {@code null} when it is not one of the API's. */
    private String prefixOf(ServiceReference<?> resource, ServiceReference<?>[] pluginApplications) {
        Object select = resource.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT);
        if (select == null || select.toString().contains(DEFAULT_APPLICATION)) {
            return "";
        }
        try {
            Filter filter = context.createFilter(select.toString());
            for (ServiceReference<?> application : pluginApplications) {
                if (filter.match(application)) {
                    return ApiApplications.prefixOf(
                            application.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_BASE) + "/");
                }
            }
            return null;
        } catch (InvalidSyntaxException e) {
            return null;
        }
    }

    private ServiceReference<?>[] references(String filter) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, filter);
            return references == null ? new ServiceReference<?>[0] : references;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(Map<Class<?>, String> resources, String json) {
    }
}
