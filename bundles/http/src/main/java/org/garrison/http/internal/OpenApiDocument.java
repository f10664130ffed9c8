package org.garrison.http.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.servers.Server;

/**
 * Builds the OpenAPI document from the JAX-RS resource classes currently registered, and gives every operation the
 * problem+json error answer all of them share.
 */
final class OpenApiDocument {

    static final String PROBLEM_MEDIA_TYPE = Problem.MEDIA_TYPE;

    private OpenApiDocument() {
    }

    static OpenAPI build(String version, Set<Class<?>> resourceClasses) {
        Map<Class<?>, String> atRoot = new LinkedHashMap<>();
        resourceClasses.forEach(type -> atRoot.put(type, ""));
        return build(version, atRoot);
    }

    /**
     * @param resources every resource class with where its application sits below the API root: empty for the
     *                  default application, {@code /plugins/<id>/resources} for a plugin's
     */
    static OpenAPI build(String version, Map<Class<?>, String> resources) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Garrison API").version(version)
                        .description("REST API of the Garrison Administration Server. Errors are RFC 9457 problem "
                                + "reports (application/problem+json). Lists are paged with 'limit' and 'cursor'.")
                        .license(new License().name("Apache-2.0")))
                .addServersItem(new Server().url("/api/v1"));
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Reader.class.getClassLoader());
        try {
            Reader reader = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(true));
            Set<Class<?>> core = new LinkedHashSet<>();
            resources.forEach((type, prefix) -> {
                if (prefix.isEmpty()) {
                    core.add(type);
                }
            });
            OpenAPI api = reader.read(core);
            resources.forEach((type, prefix) -> {
                if (!prefix.isEmpty()) {
                    reader.read(type, prefix, null, false, null, null, new LinkedHashSet<>(), new ArrayList<>(),
                            new HashSet<>());
                }
            });
            addProblemResponses(api);
            OpenApiSecurity.describe(api, resources);
            return api;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static void addProblemResponses(OpenAPI api) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        Map<String, Schema> problemSchemas = ModelConverters.getInstance().readAll(Problem.class);
        problemSchemas.forEach(components::addSchemas);
        if (api.getPaths() == null) {
            return;
        }
        ApiResponse problem = new ApiResponse().description("The request was refused or failed; see the problem report")
                .content(new Content().addMediaType(PROBLEM_MEDIA_TYPE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
        for (PathItem path : api.getPaths().values()) {
            for (Operation operation : path.readOperations()) {
                if (operation.getResponses() != null && operation.getResponses().getDefault() == null) {
                    operation.getResponses().setDefault(problem);
                }
            }
        }
    }
}
