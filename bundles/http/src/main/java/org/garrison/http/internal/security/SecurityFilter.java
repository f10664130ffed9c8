package org.garrison.http.internal.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Cookie;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.garrison.api.security.Authenticator;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.security.ScopeResolver;
import org.garrison.http.internal.ApiApplications;
import org.garrison.http.internal.Problems;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Authenticates and authorises every call to every resource of the API, core and plugin alike, by what the resource
 * method declares ({@code @PublicEndpoint}, {@code @SignedIn}, {@code @RequiresPermission}). The JSON provider
 * requires this extension, so no JSON resource is served before the filter is in place.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName(SecurityFilter.NAME)
@Priority(Priorities.AUTHENTICATION)
public class SecurityFilter implements ContainerRequestFilter {

    /** The extension's name, which the JSON provider selects. */
    public static final String NAME = "garrison-security";

    /** The request property holding the authenticated {@link org.garrison.api.security.Caller}, even if refused. */
    static final String CALLER_PROPERTY = "org.garrison.security.caller";

    /** The request property holding the {@link EndpointRule} of the method called. */
    static final String RULE_PROPERTY = "org.garrison.security.rule";

    private static final String CHALLENGE = "Bearer realm=\"garrison\"";

    private final Map<String, ScopeResolver> resolvers = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Authenticator authenticator;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile ScopeCheck scopeCheck;

    @Context
    ResourceInfo resourceInfo;

    @Reference(service = ScopeResolver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addResolver(ScopeResolver resolver, Map<String, Object> properties) {
        Object kind = properties.get(ScopeResolver.OBJECT_KIND);
        if (kind != null) {
            resolvers.put(kind.toString(), resolver);
        }
    }

    void removeResolver(ScopeResolver resolver, Map<String, Object> properties) {
        Object kind = properties.get(ScopeResolver.OBJECT_KIND);
        if (kind != null) {
            resolvers.remove(kind.toString(), resolver);
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        EndpointRule rule = EndpointRule.of(resourceInfo.getResourceMethod(), resourceInfo.getResourceClass());
        request.setProperty(RULE_PROPERTY, rule);
        UriInfo uri = request.getUriInfo();
        Cookie cookie = request.getCookies().get(Authenticator.SESSION_COOKIE);
        AccessDecision.Call call = new AccessDecision.Call(request.getMethod(), rule,
                cookie == null ? null : cookie.getValue(), request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getHeaderString(Authenticator.CSRF_HEADER),
                name -> uri.getPathParameters().getFirst(name), name -> uri.getQueryParameters().getFirst(name));
        AccessDecision.Outcome outcome = new AccessDecision(authenticator, resolvers::get, scopeCheck).decide(call);
        if (outcome.caller() != null) {
            request.setProperty(CALLER_PROPERTY, outcome.caller());
            request.setSecurityContext(new CallerSecurityContext(outcome.caller(), secure(request)));
        }
        if (outcome instanceof AccessDecision.Refused refused) {
            Response response = Problems.response(refused.status(), refused.title(), refused.detail(),
                    refused.code());
            if (refused.challenge()) {
                response.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            }
            if (refused.status() == 503) {
                response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, "5");
            }
            request.abortWith(response);
        }
    }

    private static boolean secure(ContainerRequestContext request) {
        SecurityContext original = request.getSecurityContext();
        return (original != null && original.isSecure())
                || "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme());
    }
}
