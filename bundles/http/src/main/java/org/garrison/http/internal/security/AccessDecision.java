package org.garrison.http.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.security.ScopeResolver;

/**
 * Decides whether one REST call may go ahead: who the caller is (session cookie or bearer token), whether a session
 * call carries its CSRF token, whether the caller still has steps to take, and whether they hold the permission the
 * method declares where the object named lies. Free of JAX-RS, so every rule is tested on its own; the filter only
 * feeds it the request and acts on the outcome.
 */
public final class AccessDecision {

    /** The group-scoped object kind whose id is the group itself: the revision history's type of groups. */
    public static final String GROUP_KIND = AdministrationGroup.OBJECT_TYPE;

    private static final Set<String> UNSAFE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BEARER = "bearer ";

    private final Authenticator authenticator;
    private final Function<String, ScopeResolver> resolvers;
    private final ScopeCheck scopeCheck;

    /**
     * @param authenticator the sign-in area's authenticator, or {@code null} while it is not installed
     * @param resolvers     the resolver of an object kind, or {@code null} for a kind nobody resolves
     * @param scopeCheck    the group tree's scope check, or {@code null} while it is not installed
     */
    public AccessDecision(Authenticator authenticator, Function<String, ScopeResolver> resolvers,
            ScopeCheck scopeCheck) {
        this.authenticator = authenticator;
        this.resolvers = resolvers;
        this.scopeCheck = scopeCheck;
    }

    /**
     * One call as the decision sees it.
     *
     * @param httpMethod      the HTTP method
     * @param rule            what the resource method declares
     * @param sessionCookie   the value of the session cookie, or {@code null}
     * @param authorization   the {@code Authorization} header, or {@code null}
     * @param csrfToken       the {@code X-CSRF-Token} header, or {@code null}
     * @param pathParameters  a path template parameter by name, {@code null} when absent
     * @param queryParameters the first value of a query parameter by name, {@code null} when absent
     */
    public record Call(String httpMethod, EndpointRule rule, String sessionCookie, String authorization,
            String csrfToken, Function<String, String> pathParameters, Function<String, String> queryParameters) {
    }

    /** What to do with the call. */
    public sealed interface Outcome permits Allowed, Refused {

        /** The authenticated caller, or {@code null} when nobody (valid) signed in. */
        Caller caller();
    }

    /**
     * Let the call through.
     *
     * @param caller the caller, {@code null} on a public endpoint called without valid credentials
     */
    public record Allowed(Caller caller) implements Outcome {
    }

    /**
     * Answer with a problem report instead.
     *
     * @param status    401, 403 or 503
     * @param title     the problem's title
     * @param detail    what the caller should know
     * @param code      the problem's machine-readable {@code code}, or {@code null}
     * @param challenge whether the answer carries {@code WWW-Authenticate} (the caller should sign in)
     * @param caller    the authenticated caller refused, or {@code null}
     */
    public record Refused(int status, String title, String detail, String code, boolean challenge, Caller caller)
            implements Outcome {
    }

    public Outcome decide(Call call) {
        EndpointRule rule = call.rule();
        if (rule.kind() == EndpointRule.Kind.PUBLIC) {
            return new Allowed(authenticator == null ? null
                    : authenticate(call).map(Authenticated::caller).orElse(null));
        }
        if (authenticator == null) {
            return new Refused(503, "Service Unavailable", "Sign-in is not available yet; try again shortly",
                    "sign-in-unavailable", false, null);
        }
        Optional<Authenticated> authenticated = authenticate(call);
        if (authenticated.isEmpty()) {
            return new Refused(401, "Unauthorized", "Sign in, or send an API token as 'Authorization: Bearer "
                    + "<token>'", "unauthenticated", true, null);
        }
        Caller caller = authenticated.get().caller();
        if (authenticated.get().csrfToken() != null && isUnsafe(call.httpMethod())
                && !sameToken(authenticated.get().csrfToken(), call.csrfToken())) {
            return forbidden("The " + Authenticator.CSRF_HEADER + " header is missing or does not match the "
                    + "session; send the csrfToken the sign-in answered", "csrf", caller);
        }
        if (rule.kind() == EndpointRule.Kind.UNDECLARED) {
            return forbidden("This endpoint declares no permission", "undeclared", caller);
        }
        if (rule.kind() == EndpointRule.Kind.SIGNED_IN) {
            return new Allowed(caller);
        }
        if (caller.pendingSteps().contains(PendingStep.CHANGE_PASSWORD)) {
            return forbidden("Change your password first (PUT /me/password)", "change-password", caller);
        }
        if (caller.pendingSteps().contains(PendingStep.ACCEPT_TERMS)) {
            return forbidden("Accept the current terms of use first (GET /terms)", "accept-terms", caller);
        }
        return authorise(call, rule, caller);
    }

    private Outcome authorise(Call call, EndpointRule rule, Caller caller) {
        GroupScope scope = caller.scope(rule.permission());
        if (scope.nowhere()) {
            return forbidden("This needs the permission '" + rule.permission() + "'", "permission", caller);
        }
        if (scope.everywhere()) {
            return new Allowed(caller);
        }
        if (rule.everywhere()) {
            return forbidden("This needs the permission '" + rule.permission() + "' on the whole server", "scope",
                    caller);
        }
        if (!rule.scoped()) {
            return new Allowed(caller);
        }
        String objectId;
        try {
            objectId = objectId(call, rule.scopeFrom());
        } catch (IllegalArgumentException misdeclared) {
            return forbidden("This endpoint declares its scope wrongly", "undeclared", caller);
        }
        if (objectId == null || objectId.isBlank()) {
            return new Allowed(caller);
        }
        Optional<UUID> group;
        if (GROUP_KIND.equals(rule.objectKind())) {
            group = parse(objectId);
        } else {
            ScopeResolver resolver = rule.objectKind().isEmpty() ? null : resolvers.apply(rule.objectKind());
            if (resolver == null) {
                return forbidden("This needs the permission '" + rule.permission() + "' on the whole server",
                        "scope", caller);
            }
            group = resolver.groupOf(objectId);
        }
        if (group.isEmpty()) {
            // no such object: the resource answers 404 as it would for anybody
            return new Allowed(caller);
        }
        if (scopeCheck == null) {
            return new Refused(503, "Service Unavailable", "The administration groups are not available yet; try "
                    + "again shortly", "scope-unavailable", false, caller);
        }
        if (!scopeCheck.contains(scope, group.get())) {
            return forbidden("This " + (rule.objectKind().isEmpty() ? "object" : rule.objectKind())
                    + " lies outside the groups where you hold '" + rule.permission() + "'", "scope", caller);
        }
        return new Allowed(caller);
    }

    private record Authenticated(Caller caller, String csrfToken) {
    }

    /**
     * The caller the credentials stand for. A bearer token wins over a session cookie; an invalid token is not
     * retried as a session, so a client learns that its token is bad.
     */
    private Optional<Authenticated> authenticate(Call call) {
        String authorization = call.authorization();
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            String token = authorization.substring(BEARER.length()).trim();
            if (token.isEmpty()) {
                return Optional.empty();
            }
            return authenticator.bearer(token).map(caller -> new Authenticated(caller, null));
        }
        String cookie = call.sessionCookie();
        if (cookie == null || cookie.isBlank()) {
            return Optional.empty();
        }
        // a session always needs its token: one without a token can never pass a state-changing call
        return authenticator.session(cookie).map(session -> new Authenticated(session.caller(),
                session.csrfToken() == null ? "" : session.csrfToken()));
    }

    private static String objectId(Call call, String scopeFrom) {
        int colon = scopeFrom.indexOf(':');
        if (colon <= 0 || colon == scopeFrom.length() - 1) {
            throw new IllegalArgumentException(scopeFrom);
        }
        String where = scopeFrom.substring(0, colon);
        String name = scopeFrom.substring(colon + 1);
        return switch (where) {
            case "path" -> call.pathParameters().apply(name);
            case "query" -> call.queryParameters().apply(name);
            default -> throw new IllegalArgumentException(scopeFrom);
        };
    }

    private static Optional<UUID> parse(String id) {
        try {
            return id.length() == 36 ? Optional.of(UUID.fromString(id)) : Optional.empty();
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    static boolean isUnsafe(String httpMethod) {
        return httpMethod != null && UNSAFE_METHODS.contains(httpMethod.toUpperCase(Locale.ROOT));
    }

    /** Compares in time independent of where the tokens differ. */
    static boolean sameToken(String expected, String given) {
        if (given == null || expected.isEmpty()) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    private static Refused forbidden(String detail, String code, Caller caller) {
        return new Refused(403, "Forbidden", detail, code, false, caller);
    }
}
