package org.garrison.http.internal.security;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Objects;

import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.SignedIn;

/**
 * What a resource method declares about who may call it, read from its annotations (the method's own first, then
 * its class's). A method carrying more than one declaration is treated as undeclared, so a contradiction refuses
 * rather than opens.
 *
 * @param kind       which declaration
 * @param permission for {@link Kind#PERMISSION}, the permission id
 * @param scopeFrom  for a scoped permission, where the request names the object ({@code path:id},
 *                   {@code query:device}); empty otherwise
 * @param objectKind for a scoped permission, the kind of object named; otherwise, if given, the kind of object the
 *                   call is about
 * @param everywhere whether the permission must hold on the whole server
 */
public record EndpointRule(Kind kind, String permission, String scopeFrom, String objectKind, boolean everywhere) {

    /** The declarations a method can carry. */
    public enum Kind {
        /** {@link PublicEndpoint}: nobody needs to sign in. */
        PUBLIC,
        /** {@link SignedIn}: any signed-in caller, even with pending steps. */
        SIGNED_IN,
        /** {@link RequiresPermission}. */
        PERMISSION,
        /** No declaration (or contradicting ones): refused. */
        UNDECLARED
    }

    public static final EndpointRule UNDECLARED = new EndpointRule(Kind.UNDECLARED, "", "", "", false);
    public static final EndpointRule PUBLIC = new EndpointRule(Kind.PUBLIC, "", "", "", false);
    public static final EndpointRule SIGNED_IN = new EndpointRule(Kind.SIGNED_IN, "", "", "", false);

    public EndpointRule {
        Objects.requireNonNull(kind, "kind");
        permission = permission == null ? "" : permission;
        scopeFrom = scopeFrom == null ? "" : scopeFrom;
        objectKind = objectKind == null ? "" : objectKind;
    }

    public static EndpointRule permission(String permission) {
        return new EndpointRule(Kind.PERMISSION, permission, "", "", false);
    }

    public static EndpointRule scoped(String permission, String scopeFrom, String objectKind) {
        return new EndpointRule(Kind.PERMISSION, permission, scopeFrom, objectKind, false);
    }

    public static EndpointRule everywhere(String permission) {
        return new EndpointRule(Kind.PERMISSION, permission, "", "", true);
    }

    /** The rule of a resource method: its own declaration, else its class's, else {@link #UNDECLARED}. */
    public static EndpointRule of(Method method, Class<?> resourceClass) {
        if (method == null) {
            return UNDECLARED;
        }
        EndpointRule own = declaredOn(method);
        if (own != null) {
            return own;
        }
        EndpointRule ofClass = declaredOn(resourceClass != null ? resourceClass : method.getDeclaringClass());
        return ofClass != null ? ofClass : UNDECLARED;
    }

    /** The declaration on one element; {@code null} when it has none. */
    private static EndpointRule declaredOn(AnnotatedElement element) {
        PublicEndpoint open = element.getAnnotation(PublicEndpoint.class);
        SignedIn signedIn = element.getAnnotation(SignedIn.class);
        RequiresPermission required = element.getAnnotation(RequiresPermission.class);
        int declarations = (open != null ? 1 : 0) + (signedIn != null ? 1 : 0) + (required != null ? 1 : 0);
        if (declarations == 0) {
            return null;
        }
        if (declarations > 1 || (required != null && required.value().isBlank())) {
            return UNDECLARED;
        }
        if (open != null) {
            return PUBLIC;
        }
        if (signedIn != null) {
            return SIGNED_IN;
        }
        return new EndpointRule(Kind.PERMISSION, required.value(), required.scopeFrom(), required.objectKind(),
                required.everywhere());
    }

    /** Whether the permission holds only for the object the request names. */
    public boolean scoped() {
        return kind == Kind.PERMISSION && !scopeFrom.isEmpty();
    }

    /** How the OpenAPI document and the audit log name the declaration: the permission, signed-in or public. */
    public String label() {
        return switch (kind) {
            case PUBLIC -> "public";
            case SIGNED_IN -> "signed-in";
            case PERMISSION -> permission;
            case UNDECLARED -> "undeclared";
        };
    }
}
