package org.garrison.http.internal;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.garrison.api.security.Authenticator;
import org.garrison.http.internal.security.EndpointRule;
import org.garrison.http.internal.security.ResourceMethods;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * Describes in the OpenAPI document how each operation is protected, read from the same annotations the security
 * filter enforces: the two ways to authenticate, {@code security: []} on public operations, 401 and 403 answers on
 * the others, and the extensions {@value #PERMISSION} (the permission id, {@code signed-in} or {@code public}) and
 * {@value #SCOPE} (the object kind and where the request names it, or that the permission must hold on the whole
 * server) that tools such as the authorisation matrix test
 * walk.
 */
final class OpenApiSecurity {

    static final String SESSION_SCHEME = "sessionCookie";
    static final String BEARER_SCHEME = "bearerToken";
    static final String PERMISSION = "x-garrison-permission";
    static final String SCOPE = "x-garrison-scope";

    private OpenApiSecurity() {
    }

    static void describe(OpenAPI api, Set<Class<?>> resourceClasses) {
        Map<Class<?>, String> atRoot = new LinkedHashMap<>();
        resourceClasses.forEach(type -> atRoot.put(type, ""));
        describe(api, atRoot);
    }

    /** @param resources every resource class with the prefix of its application below the API root */
    static void describe(OpenAPI api, Map<Class<?>, String> resources) {
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(SESSION_SCHEME, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name(Authenticator.SESSION_COOKIE)
                .description("The console's session, from POST /session. State-changing calls (POST, PUT, PATCH, "
                        + "DELETE) must also send the session's csrfToken as header " + Authenticator.CSRF_HEADER
                        + "."));
        components.addSecuritySchemes(BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                .scheme("bearer").description("A personal API token from POST /tokens, sent as 'Authorization: "
                        + "Bearer <token>'. No CSRF token needed."));
        api.setSecurity(List.of(new SecurityRequirement().addList(SESSION_SCHEME),
                new SecurityRequirement().addList(BEARER_SCHEME)));
        if (api.getPaths() == null) {
            return;
        }
        Map<String, EndpointRule> rules = rules(resources);
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            EndpointRule rule = rules.getOrDefault(key(method.name(), path), EndpointRule.UNDECLARED);
            describe(operation, rule);
        }));
    }

    private static void describe(Operation operation, EndpointRule rule) {
        operation.addExtension(PERMISSION, rule.label());
        if (rule.scoped() || rule.everywhere()) {
            Map<String, Object> scope = new LinkedHashMap<>();
            if (rule.scoped()) {
                scope.put("objectKind", rule.objectKind());
                scope.put("from", rule.scopeFrom());
            }
            if (rule.everywhere()) {
                scope.put("everywhere", true);
            }
            operation.addExtension(SCOPE, scope);
        }
        if (rule.kind() == EndpointRule.Kind.PUBLIC) {
            operation.setSecurity(List.of());
            return;
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (!responses.containsKey("401")) {
            responses.addApiResponse("401", problem("Not signed in: no or an unknown session or token"));
        }
        if (!responses.containsKey("403")) {
            responses.addApiResponse("403", problem(rule.kind() == EndpointRule.Kind.SIGNED_IN
                    ? "A missing CSRF token"
                    : "Not allowed: the permission '" + rule.label() + "' is not held"
                            + (rule.scoped() ? " where the " + rule.objectKind() + " is" : "")
                            + (rule.everywhere() ? " on the whole server" : "")
                            + ", a missing CSRF token, or a password change or terms acceptance is pending"));
        }
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(Problem.MEDIA_TYPE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))));
    }

    /** The rule of every resource method, by HTTP method and path as the document lists them. */
    private static Map<String, EndpointRule> rules(Map<Class<?>, String> resources) {
        Map<String, EndpointRule> rules = new HashMap<>();
        for (Map.Entry<Class<?>, String> resource : resources.entrySet()) {
            Class<?> resourceClass = resource.getKey();
            for (Method method : resourceClass.getMethods()) {
                String http = ResourceMethods.httpMethod(method);
                if (http != null) {
                    rules.put(key(http, resource.getValue() + ResourceMethods.template(resourceClass, method)),
                            EndpointRule.of(method, resourceClass));
                }
            }
        }
        return rules;
    }

    private static String key(String httpMethod, String path) {
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return httpMethod.toUpperCase(Locale.ROOT) + " " + (normalised.startsWith("/") ? normalised : "/" + normalised);
    }
}
