package org.garrison.sessions.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;

import org.garrison.api.account.Account;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.RoleGrant;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.sessions.internal.SignInTesting;
import org.garrison.sessions.internal.rest.SessionResource.SessionView;
import org.garrison.sessions.internal.rest.SessionResource.SignInRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionResourceTest {

    private static final String PASSWORD = "correct horse battery";

    private SignInTesting testing;
    private SessionResource resource;
    private Account admin;

    @BeforeEach
    void setUp() throws SQLException {
        testing = new SignInTesting(Instant.parse("2026-11-26T12:00:00Z"));
        admin = testing.accounts().add("admin", PASSWORD, List.of(new RoleGrant(BuiltInRole.MAIN_ADMINISTRATOR.id(),
                AdministrationGroup.MANAGED_DEVICES)));
        resource = new SessionResource(testing.signIn(), testing.sessions(), testing.accounts());
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndAnswersTheCsrfToken() {
        Response answer = resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of()));
        assertEquals(201, answer.getStatus());
        String cookie = answer.getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(cookie.startsWith("GARRISON_SESSION="), cookie);
        assertTrue(cookie.endsWith("; Path=/; HttpOnly; SameSite=Strict"), cookie);
        SessionView view = (SessionView) answer.getEntity();
        assertEquals(admin.id(), view.account().id());
        assertEquals(List.of(), view.pendingSteps());
        String id = sessionId(cookie);
        assertEquals(view.csrfToken(), resource.current(id).csrfToken());
    }

    @Test
    void theCookieIsSecureOverHttpsAndBehindAnHttpsProxy() {
        String direct = resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", true, Map.of())).getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(direct.endsWith("; Secure"), direct);
        String proxied = resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of("X-Forwarded-Proto", "https")))
                .getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(proxied.endsWith("; Secure"), proxied);
    }

    @Test
    void wrongCredentialsAnswerAProblemWithItsCode() {
        Response answer = resource.signIn(new SignInRequest("admin", "nope", null), null,
                FakeRequests.request("192.0.2.7", false, Map.of()));
        assertEquals(401, answer.getStatus());
        assertEquals("application/problem+json", answer.getMediaType().toString());
        assertEquals("Bearer realm=\"garrison\"", answer.getHeaderString("WWW-Authenticate"));
        assertEquals("invalid-credentials", ((Map<?, ?>) answer.getEntity()).get("code"));
        assertEquals(null, answer.getHeaderString(HttpHeaders.SET_COOKIE));
    }

    @Test
    void aMissingSecondFactorIsAskedFor() {
        testing.accounts().withSecondFactor(admin, "123456");
        Response answer = resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of()));
        assertEquals(401, answer.getStatus());
        assertEquals("second-factor-required", ((Map<?, ?>) answer.getEntity()).get("code"));
        assertEquals(201, resource.signIn(new SignInRequest("admin", PASSWORD, "123456"), null,
                FakeRequests.request("192.0.2.7", false, Map.of())).getStatus());
    }

    @Test
    void backingOffAnswers429WithRetryAfter() {
        for (int i = 0; i < 5; i++) {
            resource.signIn(new SignInRequest("admin", "nope", null), null,
                    FakeRequests.request("192.0.2.7", false, Map.of()));
        }
        Response answer = resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of()));
        assertEquals(429, answer.getStatus());
        assertEquals("1", answer.getHeaderString("Retry-After"));
        assertEquals("too-many-failures", ((Map<?, ?>) answer.getEntity()).get("code"));
    }

    @Test
    void signingInAgainEndsThePreviousSession() {
        String first = sessionId(resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of())).getHeaderString(HttpHeaders.SET_COOKIE));
        resource.signIn(new SignInRequest("admin", PASSWORD, null), first,
                FakeRequests.request("192.0.2.7", false, Map.of()));
        assertThrows(NotFoundException.class, () -> resource.current(first));
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() {
        String id = sessionId(resource.signIn(new SignInRequest("admin", PASSWORD, null), null,
                FakeRequests.request("192.0.2.7", false, Map.of())).getHeaderString(HttpHeaders.SET_COOKIE));
        Response answer = resource.signOut(id, FakeRequests.request("192.0.2.7", false, Map.of()));
        assertEquals(204, answer.getStatus());
        String cleared = answer.getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(cleared.startsWith("GARRISON_SESSION=; Max-Age=0;"), cleared);
        assertTrue(testing.sessions().live(id).isEmpty());
    }

    @Test
    void incompleteFormsAreRefusedBeforeAnyCheck() {
        ValidationException invalid = assertThrows(ValidationException.class, () -> resource.signIn(
                new SignInRequest(" ", null, null), null, FakeRequests.request("192.0.2.7", false, Map.of())));
        assertEquals(List.of("login", "password"), invalid.errors().stream().map(e -> e.field()).toList());
        assertThrows(ValidationException.class, () -> resource.signIn(null, null,
                FakeRequests.request("192.0.2.7", false, Map.of())));
        assertThrows(ValidationException.class, () -> resource.signIn(new SignInRequest("admin", "x".repeat(1025),
                null), null, FakeRequests.request("192.0.2.7", false, Map.of())));
        assertTrue(testing.audit().entries.isEmpty());
    }

    @Test
    void theFormNeverPrintsThePassword() {
        assertFalse(new SignInRequest("admin", PASSWORD, "123456").toString().contains(PASSWORD));
    }

    private static String sessionId(String setCookie) {
        return setCookie.substring("GARRISON_SESSION=".length(), setCookie.indexOf(';'));
    }
}
