package org.garrison.http.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PendingStep;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.security.ScopeResolver;
import org.junit.jupiter.api.Test;

class AccessDecisionTest {

    private static final UUID BRANCH = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID INSIDE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");
    private static final UUID OUTSIDE = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final String DEVICE_INSIDE = "11111111-1111-1111-1111-111111111111";
    private static final String DEVICE_OUTSIDE = "22222222-2222-2222-2222-222222222222";
    private static final String UNKNOWN_DEVICE = "33333333-3333-3333-3333-333333333333";

    private final FakeAuthenticator authenticator = new FakeAuthenticator();
    private final Map<String, ScopeResolver> resolvers = new HashMap<>();
    private final ScopeCheck tree = new TreeScopeCheck();
    private final Map<String, String> path = new HashMap<>();
    private final Map<String, String> query = new HashMap<>();

    AccessDecisionTest() {
        resolvers.put("device", id -> switch (id) {
            case DEVICE_INSIDE -> Optional.of(INSIDE);
            case DEVICE_OUTSIDE -> Optional.of(OUTSIDE);
            default -> Optional.empty();
        });
    }

    // ---- public endpoints

    @Test
    void aPublicEndpointNeedsNobody() {
        AccessDecision.Outcome outcome = decide("GET", EndpointRule.PUBLIC, null, null, null);
        assertInstanceOf(AccessDecision.Allowed.class, outcome);
        assertNull(outcome.caller());
    }

    @Test
    void aPublicEndpointStillSeesAValidCaller() {
        Caller admin = authenticator.token("t1", everywhere("devices.read"));
        assertSame(admin, decide("GET", EndpointRule.PUBLIC, null, "Bearer t1", null).caller());
    }

    @Test
    void aPublicEndpointIgnoresBadCredentialsAndNeedsNoCsrf() {
        assertAllowed(decide("POST", EndpointRule.PUBLIC, "stale-session", null, null));
        assertAllowed(decide("POST", EndpointRule.PUBLIC, null, "Bearer nonsense", null));
        authenticator.session("s1", "csrf-1", everywhere("devices.write"));
        assertAllowed(decide("POST", EndpointRule.PUBLIC, "s1", null, null));
    }

    @Test
    void aPublicEndpointWorksWithoutAnAuthenticator() {
        assertAllowed(new AccessDecision(null, resolvers::get, tree).decide(call("GET", EndpointRule.PUBLIC, null,
                "Bearer t1", null)));
    }

    // ---- authentication

    @Test
    void withoutAnAuthenticatorProtectedEndpointsAreUnavailable() {
        AccessDecision.Outcome outcome = new AccessDecision(null, resolvers::get, tree)
                .decide(call("GET", EndpointRule.SIGNED_IN, null, null, null));
        assertRefused(outcome, 503, "sign-in-unavailable");
    }

    @Test
    void noCredentialsIsA401WithAChallenge() {
        AccessDecision.Refused refused = assertRefused(decide("GET", EndpointRule.permission("devices.read"), null,
                null, null), 401, "unauthenticated");
        assertTrue(refused.challenge());
        assertNull(refused.caller());
    }

    @Test
    void anUnknownSessionOrTokenIsA401() {
        assertRefused(decide("GET", EndpointRule.SIGNED_IN, "no-such-session", null, null), 401, "unauthenticated");
        assertRefused(decide("GET", EndpointRule.SIGNED_IN, null, "Bearer no-such-token", null), 401,
                "unauthenticated");
        assertRefused(decide("GET", EndpointRule.SIGNED_IN, null, "Bearer ", null), 401, "unauthenticated");
    }

    @Test
    void otherAuthorizationSchemesAreNotCredentials() {
        assertRefused(decide("GET", EndpointRule.SIGNED_IN, null, "Basic YWRtaW46YWRtaW4=", null), 401,
                "unauthenticated");
        authenticator.session("s1", "csrf-1", everywhere("devices.read"));
        assertAllowed(decide("GET", EndpointRule.SIGNED_IN, "s1", "Basic YWRtaW46YWRtaW4=", null));
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        authenticator.token("t1", everywhere("devices.read"));
        assertAllowed(decide("GET", EndpointRule.SIGNED_IN, null, "bearer t1", null));
        assertAllowed(decide("GET", EndpointRule.SIGNED_IN, null, "BEARER t1", null));
    }

    @Test
    void aBadTokenIsNotRetriedAsTheSession() {
        authenticator.session("s1", "csrf-1", everywhere("devices.read"));
        assertRefused(decide("GET", EndpointRule.SIGNED_IN, "s1", "Bearer wrong", null), 401, "unauthenticated");
    }

    @Test
    void aValidTokenWinsOverASessionCookie() {
        Caller tokenCaller = authenticator.token("t1", everywhere("devices.write"));
        authenticator.session("s1", "csrf-1", everywhere("devices.write"));
        AccessDecision.Outcome outcome = decide("DELETE", EndpointRule.permission("devices.write"), "s1",
                "Bearer t1", null);
        assertAllowed(outcome);
        assertSame(tokenCaller, outcome.caller());
    }

    // ---- CSRF

    @Test
    void sessionCallsThatChangeStateNeedTheCsrfToken() {
        authenticator.session("s1", "csrf-1", everywhere("devices.write"));
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "delete"}) {
            assertRefused(decide(method, EndpointRule.permission("devices.write"), "s1", null, null), 403, "csrf");
            assertRefused(decide(method, EndpointRule.permission("devices.write"), "s1", null, "csrf-2"), 403,
                    "csrf");
            assertRefused(decide(method, EndpointRule.SIGNED_IN, "s1", null, "csrf-"), 403, "csrf");
            assertAllowed(decide(method, EndpointRule.permission("devices.write"), "s1", null, "csrf-1"));
        }
    }

    @Test
    void safeSessionCallsNeedNoCsrfToken() {
        authenticator.session("s1", "csrf-1", everywhere("devices.read"));
        assertAllowed(decide("GET", EndpointRule.permission("devices.read"), "s1", null, null));
        assertAllowed(decide("HEAD", EndpointRule.permission("devices.read"), "s1", null, null));
        assertAllowed(decide("OPTIONS", EndpointRule.permission("devices.read"), "s1", null, null));
    }

    @Test
    void bearerCallsNeedNoCsrfToken() {
        authenticator.token("t1", everywhere("devices.write"));
        assertAllowed(decide("POST", EndpointRule.permission("devices.write"), null, "Bearer t1", null));
    }

    @Test
    void aSessionWithoutATokenCanNeverChangeState() {
        authenticator.session("s1", null, everywhere("devices.write"));
        assertRefused(decide("POST", EndpointRule.permission("devices.write"), "s1", null, ""), 403, "csrf");
    }

    @Test
    void theCsrfRefusalNamesTheCaller() {
        Caller caller = authenticator.session("s1", "csrf-1", everywhere("devices.write"));
        assertSame(caller, decide("POST", EndpointRule.SIGNED_IN, "s1", null, null).caller());
    }

    // ---- declarations and pending steps

    @Test
    void anUndeclaredMethodIsRefusedEvenForTheMainAdministrator() {
        authenticator.token("t1", everywhere("devices.read", "server.write"));
        AccessDecision.Refused refused = assertRefused(decide("GET", EndpointRule.UNDECLARED, null, "Bearer t1",
                null), 403, "undeclared");
        assertEquals("This endpoint declares no permission", refused.detail());
    }

    @Test
    void signedInMethodsNeedNoPermission() {
        authenticator.token("t1", Map.of());
        assertAllowed(decide("GET", EndpointRule.SIGNED_IN, null, "Bearer t1", null));
    }

    @Test
    void pendingStepsBlockEverythingButSignedInMethods() {
        authenticator.token("t1", everywhere("devices.read"), PendingStep.CHANGE_PASSWORD);
        assertAllowed(decide("GET", EndpointRule.SIGNED_IN, null, "Bearer t1", null));
        assertAllowed(decide("PUT", EndpointRule.SIGNED_IN, null, "Bearer t1", null));
        assertRefused(decide("GET", EndpointRule.permission("devices.read"), null, "Bearer t1", null), 403,
                "change-password");
        authenticator.token("t2", everywhere("devices.read"), PendingStep.ACCEPT_TERMS);
        assertRefused(decide("GET", EndpointRule.permission("devices.read"), null, "Bearer t2", null), 403,
                "accept-terms");
    }

    @Test
    void aPasswordChangeComesBeforeAcceptingTerms() {
        authenticator.token("t1", everywhere("devices.read"), PendingStep.ACCEPT_TERMS, PendingStep.CHANGE_PASSWORD);
        assertRefused(decide("GET", EndpointRule.permission("devices.read"), null, "Bearer t1", null), 403,
                "change-password");
    }

    // ---- permissions

    @Test
    void aPermissionHeldNowhereIsRefused() {
        authenticator.token("t1", everywhere("devices.read"));
        AccessDecision.Refused refused = assertRefused(decide("POST", EndpointRule.permission("devices.write"), null,
                "Bearer t1", null), 403, "permission");
        assertTrue(refused.detail().contains("devices.write"));
    }

    @Test
    void anUnscopedPermissionHeldAnywhereIsEnough() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        assertAllowed(decide("GET", EndpointRule.permission("devices.read"), null, "Bearer t1", null));
    }

    @Test
    void aGroupInsideTheScopeIsAllowedAndOneOutsideRefused() {
        authenticator.token("t1", Map.of("groups.write", GroupScope.within(Set.of(BRANCH))));
        EndpointRule rule = EndpointRule.scoped("groups.write", "path:id", AdministrationGroup.OBJECT_TYPE);
        path.put("id", BRANCH.toString());
        assertAllowed(decide("PATCH", rule, null, "Bearer t1", null));
        path.put("id", INSIDE.toString());
        assertAllowed(decide("PATCH", rule, null, "Bearer t1", null));
        path.put("id", OUTSIDE.toString());
        assertRefused(decide("PATCH", rule, null, "Bearer t1", null), 403, "scope");
    }

    @Test
    void aMalformedOrMissingIdPassesSoTheResourceAnswers() {
        authenticator.token("t1", Map.of("groups.read", GroupScope.within(Set.of(BRANCH))));
        EndpointRule rule = EndpointRule.scoped("groups.read", "path:id", AdministrationGroup.OBJECT_TYPE);
        path.put("id", "not-a-uuid");
        assertAllowed(decide("GET", rule, null, "Bearer t1", null));
        path.remove("id");
        assertAllowed(decide("GET", rule, null, "Bearer t1", null));
    }

    @Test
    void objectsAreResolvedToTheirGroup() {
        authenticator.token("t1", Map.of("devices.write", GroupScope.within(Set.of(BRANCH))));
        EndpointRule rule = EndpointRule.scoped("devices.write", "path:id", "device");
        path.put("id", DEVICE_INSIDE);
        assertAllowed(decide("DELETE", rule, null, "Bearer t1", null));
        path.put("id", DEVICE_OUTSIDE);
        assertRefused(decide("DELETE", rule, null, "Bearer t1", null), 403, "scope");
    }

    @Test
    void anUnknownObjectPassesSoTheResourceAnswers404() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        path.put("id", UNKNOWN_DEVICE);
        assertAllowed(decide("GET", EndpointRule.scoped("devices.read", "path:id", "device"), null, "Bearer t1",
                null));
    }

    @Test
    void theIdCanComeFromTheQuery() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        EndpointRule rule = EndpointRule.scoped("devices.read", "query:device", "device");
        query.put("device", DEVICE_OUTSIDE);
        assertRefused(decide("GET", rule, null, "Bearer t1", null), 403, "scope");
        query.put("device", DEVICE_INSIDE);
        assertAllowed(decide("GET", rule, null, "Bearer t1", null));
    }

    @Test
    void aPermissionEverywhereNeedsNoResolution() {
        authenticator.token("t1", everywhere("devices.read"));
        path.put("id", DEVICE_OUTSIDE);
        AccessDecision decision = new AccessDecision(authenticator, kind -> {
            throw new AssertionError("no resolution needed");
        }, null);
        assertAllowed(decision.decide(call("GET", EndpointRule.scoped("devices.read", "path:id", "widget"), null,
                "Bearer t1", null)));
    }

    @Test
    void aMethodForTheWholeServerRefusesAScopedHolder() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        authenticator.token("t2", everywhere("devices.read"));
        assertRefused(decide("GET", EndpointRule.everywhere("devices.read"), null, "Bearer t1", null), 403, "scope");
        assertAllowed(decide("GET", EndpointRule.everywhere("devices.read"), null, "Bearer t2", null));
    }

    @Test
    void aKindNobodyResolvesNeedsThePermissionEverywhere() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        path.put("id", DEVICE_INSIDE);
        assertRefused(decide("GET", EndpointRule.scoped("devices.read", "path:id", "widget"), null, "Bearer t1",
                null), 403, "scope");
    }

    @Test
    void aMisdeclaredScopeRefuses() {
        authenticator.token("t1", Map.of("devices.read", GroupScope.within(Set.of(BRANCH))));
        path.put("id", DEVICE_INSIDE);
        assertRefused(decide("GET", EndpointRule.scoped("devices.read", "header:id", "device"), null, "Bearer t1",
                null), 403, "undeclared");
        assertRefused(decide("GET", EndpointRule.scoped("devices.read", "path:", "device"), null, "Bearer t1",
                null), 403, "undeclared");
    }

    @Test
    void withoutTheGroupTreeAScopedCallerWaits() {
        authenticator.token("t1", Map.of("groups.read", GroupScope.within(Set.of(BRANCH))));
        path.put("id", INSIDE.toString());
        assertRefused(new AccessDecision(authenticator, resolvers::get, null).decide(call("GET",
                EndpointRule.scoped("groups.read", "path:id", AdministrationGroup.OBJECT_TYPE), null, "Bearer t1", null)), 503,
                "scope-unavailable");
    }

    @Test
    void tokensAreComparedWholly() {
        assertTrue(AccessDecision.sameToken("abc", "abc"));
        assertFalse(AccessDecision.sameToken("abc", "abd"));
        assertFalse(AccessDecision.sameToken("abc", "ab"));
        assertFalse(AccessDecision.sameToken("abc", null));
        assertFalse(AccessDecision.sameToken("", ""));
    }

    // ---- helpers

    private AccessDecision.Outcome decide(String method, EndpointRule rule, String cookie, String authorization,
            String csrf) {
        return new AccessDecision(authenticator, resolvers::get, tree).decide(call(method, rule, cookie,
                authorization, csrf));
    }

    private AccessDecision.Call call(String method, EndpointRule rule, String cookie, String authorization,
            String csrf) {
        return new AccessDecision.Call(method, rule, cookie, authorization, csrf, path::get, query::get);
    }

    private static void assertAllowed(AccessDecision.Outcome outcome) {
        assertInstanceOf(AccessDecision.Allowed.class, outcome, () -> "refused: " + outcome);
    }

    private static AccessDecision.Refused assertRefused(AccessDecision.Outcome outcome, int status, String code) {
        AccessDecision.Refused refused = assertInstanceOf(AccessDecision.Refused.class, outcome);
        assertEquals(status, refused.status(), refused.detail());
        assertEquals(code, refused.code(), refused.detail());
        return refused;
    }

    private static Map<String, GroupScope> everywhere(String... permissions) {
        Map<String, GroupScope> map = new HashMap<>();
        for (String permission : permissions) {
            map.put(permission, GroupScope.EVERYWHERE);
        }
        return map;
    }

    /** BRANCH with INSIDE below it; OUTSIDE elsewhere. */
    private static final class TreeScopeCheck implements ScopeCheck {

        @Override
        public boolean contains(GroupScope scope, UUID groupId) {
            if (scope.everywhere()) {
                return true;
            }
            return scope.roots().contains(groupId) || (INSIDE.equals(groupId) && scope.roots().contains(BRANCH));
        }

        @Override
        public Set<UUID> groupsWithin(GroupScope scope) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void require(Caller caller, String permission, Set<UUID> groupIds) {
            throw new UnsupportedOperationException();
        }
    }

    private static final class FakeAuthenticator implements Authenticator {

        private final Map<String, SessionCaller> sessions = new HashMap<>();
        private final Map<String, Caller> tokens = new HashMap<>();

        Caller session(String cookie, String csrf, Map<String, GroupScope> permissions) {
            Caller caller = caller(AuthenticationMethod.SESSION, permissions);
            sessions.put(cookie, new SessionCaller(caller, csrf));
            return caller;
        }

        Caller token(String token, Map<String, GroupScope> permissions, PendingStep... pending) {
            Caller caller = new Caller(new Actor(ActorKind.ACCOUNT, "a-" + token, "alice"), UUID.randomUUID(),
                    "alice", AuthenticationMethod.API_TOKEN, permissions, Set.of(pending));
            tokens.put(token, caller);
            return caller;
        }

        private static Caller caller(AuthenticationMethod method, Map<String, GroupScope> permissions) {
            return new Caller(new Actor(ActorKind.ACCOUNT, "a1", "alice"), UUID.randomUUID(), "alice", method,
                    permissions, Set.of());
        }

        @Override
        public int endSessions(UUID accountId, String keepSessionCookie) {
            throw new UnsupportedOperationException("the decision never ends sessions");
        }

        @Override
        public Optional<SessionCaller> session(String sessionCookie) {
            return Optional.ofNullable(sessions.get(sessionCookie));
        }

        @Override
        public Optional<Caller> bearer(String token) {
            return Optional.ofNullable(tokens.get(token));
        }
    }
}
