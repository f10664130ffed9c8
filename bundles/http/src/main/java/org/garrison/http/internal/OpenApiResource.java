package org.garrison.http.internal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.garrison.api.security.PublicEndpoint;
import org.osgi.framework.BundleContext;
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
 * up on each request (not tracked), so a plugin's operations appear and disappear with it. The document is rebuilt
 * only when the set of resource classes changes.
 */
@Component(service = OpenApiResource.class)
@JaxrsResource
@JSONRequired
@Path("openapi.json")
@Hidden
public class OpenApiResource {

    private static final String RESOURCES = "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)";

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
        Set<Class<?>> classes = resourceClasses();
        Cached current = cached;
        if (current == null || !current.classes().equals(classes)) {
            current = new Cached(classes, Json.pretty(OpenApiDocument.build(version, classes)));
            cached = current;
        }
        return Response.ok(current.json(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        ServiceReference<?>[] references;
        try {
            references = context.getAllServiceReferences(null, RESOURCES);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (references == null) {
            return classes;
        }
        Arrays.sort(references);
        for (ServiceReference<?> reference : references) {
            Object service = context.getService(reference);
            if (service != null) {
                try {
                    classes.add(service.getClass());
                } finally {
                    context.ungetService(reference);
                }
            }
        }
        return classes;
    }

    private record Cached(Set<Class<?>> classes, String json) {
    }
}
