package org.garrison.http.internal.security;

import java.lang.reflect.Method;
import java.time.Clock;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;

import org.garrison.api.Actor;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.security.Caller;
import org.garrison.http.internal.ApiApplications;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every state-changing call (POST, PUT, PATCH, DELETE) in the audit log once it is answered, refused ones
 * included: who, what (method and path template), on which object, from where, with which status. Bodies are never
 * recorded. Signing in is left to the sign-in area, which records the login tried.
 */
@Component(service = ContainerResponseFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(ApiApplications.ALL)
@JaxrsName("garrison-audit")
public class AuditRecorder implements ContainerResponseFilter {

    private static final Logger LOG = LoggerFactory.getLogger(AuditRecorder.class);

    /** The longest action text recorded; longer request paths of unknown resources are cut. */
    static final int MAX_ACTION_LENGTH = 255;

    /** How a plugin's application starts below the API root: {@code /plugins/<id>/resources}. */
    private static final String PLUGIN_APPLICATION = "/plugins/";

    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile AuditLog auditLog;

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        AuditLog log = auditLog;
        if (log == null || !AccessDecision.isUnsafe(request.getMethod())) {
            return;
        }
        Method method = resourceInfo == null ? null : resourceInfo.getResourceMethod();
        String application = ApiApplications.prefixOf(request.getUriInfo().getBaseUri().getPath());
        String template = withApplication(application, method == null
                ? unmatched(request.getUriInfo().getPath(false))
                : ResourceMethods.template(resourceInfo.getResourceClass(), method));
        String httpMethod = request.getMethod().toUpperCase(java.util.Locale.ROOT);
        if (isSignIn(httpMethod, template)) {
            return;
        }
        Object rule = request.getProperty(SecurityFilter.RULE_PROPERTY);
        EndpointRule endpoint = rule instanceof EndpointRule known ? known : EndpointRule.UNDECLARED;
        Object caller = request.getProperty(SecurityFilter.CALLER_PROPERTY);
        Actor actor = caller instanceof Caller known ? known.actor()
                : Actor.of(request.getSecurityContext() == null ? null
                        : request.getSecurityContext().getUserPrincipal());
        String action = shorten(httpMethod + " " + template);
        String objectType = objectType(endpoint, template);
        String objectId = objectId(endpoint, request, response, application);
        try {
            log.record(new AuditEntry(null, clock.instant(), actor, action, objectType, objectId, remoteAddress(),
                    response.getStatus(), null));
        } catch (RuntimeException e) {
            LOG.warn("Could not record '{}' in the audit log", action, e);
        }
    }

    /**
     * The template below the API root: a plugin application's resources answer below
     * {@code /plugins/<id>/resources}, which their own templates do not show.
     */
    static String withApplication(String application, String template) {
        if (application.isEmpty()) {
            return template;
        }
        return "/".equals(template) ? application : application + template;
    }

    /** The path of a call no resource answered, as the caller sent it. */
    private static String unmatched(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    /** {@code POST /session}: the sessions area records sign-ins itself, with the login tried. */
    static boolean isSignIn(String httpMethod, String template) {
        return "POST".equals(httpMethod) && "/session".equals(template);
    }

    /** The declared object kind, else the first segment of the path ({@code devices}). */
    static String objectType(EndpointRule rule, String template) {
        if (!rule.objectKind().isEmpty()) {
            return rule.objectKind();
        }
        String trimmed = template.startsWith("/") ? template.substring(1) : template;
        int slash = trimmed.indexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(0, slash);
    }

    /**
     * The {@code id} path parameter, else the one the scope is read from, else the id of what was created, else, in a
     * plugin's application, the plugin.
     */
    private static String objectId(EndpointRule rule, ContainerRequestContext request,
            ContainerResponseContext response, String application) {
        var parameters = request.getUriInfo().getPathParameters();
        String id = parameters.getFirst("id");
        if (id == null && rule.scopeFrom().startsWith("path:")) {
            id = parameters.getFirst(rule.scopeFrom().substring("path:".length()));
        }
        if (id == null && response.getStatus() == 201 && response.getLocation() != null) {
            id = lastSegment(response.getLocation().getPath());
        }
        if (id == null && application.startsWith(PLUGIN_APPLICATION)) {
            String rest = application.substring(PLUGIN_APPLICATION.length());
            id = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        }
        return id == null ? "" : shorten(id);
    }

    static String lastSegment(String path) {
        if (path == null) {
            return null;
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        String segment = trimmed.substring(slash + 1);
        return segment.isEmpty() ? null : segment;
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? "" : servletRequest.getRemoteAddr();
        } catch (RuntimeException outsideARequest) {
            return "";
        }
    }

    private static String shorten(String text) {
        return text.length() <= MAX_ACTION_LENGTH ? text : text.substring(0, MAX_ACTION_LENGTH);
    }
}
