package org.garrison.http.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;

import org.garrison.api.Actor;
import org.garrison.api.ActorKind;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.AuditEntry;
import org.garrison.api.audit.AuditLog;
import org.garrison.api.audit.AuditQuery;
import org.garrison.api.security.AuthenticationMethod;
import org.garrison.api.security.Authenticator;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.security.RequiresPermission;
import org.garrison.http.internal.Problem;
import org.junit.jupiter.api.Test;

class SecurityFilterTest {

    @Path("devices")
    public static class Devices {

        @GET
        @RequiresPermission("devices.read")
        public void list() {
        }

        @DELETE
        @Path("{id}")
        @RequiresPermission(value = "devices.write", scopeFrom = "path:id", objectKind = "device")
        public void remove() {
        }
    }

    /** A plugin's own resource, in the plugin's JAX-RS application. */
    @Path("threats")
    public static class PluginThreats {

        @POST
        @Path("{threat}/quarantine")
        @RequiresPermission("acme-av.threats.write")
        public void quarantine() {
        }
    }

    @Path("session")
    public static class Session {

        @POST
        @PublicEndpoint
        public void signIn() {
        }
    }

    private final Caller alice = new Caller(new Actor(ActorKind.ACCOUNT, "a1", "alice"), UUID.randomUUID(), "alice",
            AuthenticationMethod.SESSION, Map.of("devices.read", GroupScope.EVERYWHERE), Set.of());
    private final SecurityFilter filter = new SecurityFilter();
    private final List<AuditEntry> recorded = new ArrayList<>();

    SecurityFilterTest() {
        filter.authenticator = new Authenticator() {
            @Override
            public Optional<SessionCaller> session(String cookie) {
                return "s1".equals(cookie) ? Optional.of(new SessionCaller(alice, "csrf-1")) : Optional.empty();
            }

            @Override
            public Optional<Caller> bearer(String token) {
                return Optional.empty();
            }

            @Override
            public int endSessions(UUID accountId, String keepSessionCookie) {
                throw new UnsupportedOperationException("the filter never ends sessions");
            }
        };
    }

    @Test
    void aCallWithoutCredentialsIsChallenged() {
        FakeRequest request = new FakeRequest("GET", "devices");
        filter.resourceInfo = FakeRequest.resource(Devices.class, "list");
        filter.filter(request.context());
        assertEquals(401, request.aborted.getStatus());
        assertEquals("Bearer realm=\"garrison\"", request.aborted.getHeaderString("WWW-Authenticate"));
        assertEquals("application/problem+json", request.aborted.getMediaType().toString());
        assertEquals("unauthenticated", ((Problem) request.aborted.getEntity()).code());
        assertNull(request.security);
    }

    @Test
    void anAuthenticatedCallerBecomesThePrincipal() {
        FakeRequest request = new FakeRequest("GET", "devices").cookie(Authenticator.SESSION_COOKIE, "s1");
        filter.resourceInfo = FakeRequest.resource(Devices.class, "list");
        filter.filter(request.context());
        assertNull(request.aborted);
        assertSame(alice, request.security.getUserPrincipal());
        assertEquals("Session", request.security.getAuthenticationScheme());
        assertTrue(request.security.isUserInRole("devices.read"));
        assertFalse(request.security.isSecure(), "plain HTTP");
    }

    @Test
    void aRefusedCallerIsStillKnownToTheAuditLog() {
        FakeRequest request = new FakeRequest("DELETE", "devices/42").cookie(Authenticator.SESSION_COOKIE, "s1")
                .header(Authenticator.CSRF_HEADER, "csrf-1").pathParameter("id", "42");
        filter.resourceInfo = FakeRequest.resource(Devices.class, "remove");
        filter.filter(request.context());
        assertEquals(403, request.aborted.getStatus());
        assertEquals("permission", ((Problem) request.aborted.getEntity()).code());

        AuditRecorder recorder = recorder();
        recorder.resourceInfo = filter.resourceInfo;
        recorder.filter(request.context(), FakeRequest.answer(403, null));
        assertEquals(1, recorded.size());
        AuditEntry entry = recorded.get(0);
        assertEquals("DELETE /devices/{id}", entry.action());
        assertEquals("device", entry.objectType());
        assertEquals("42", entry.objectId());
        assertEquals("alice", entry.actor().name());
        assertEquals("denied", entry.outcome());
    }

    @Test
    void withoutTheSignInAreaProtectedCallsWait() {
        filter.authenticator = null;
        FakeRequest request = new FakeRequest("GET", "devices");
        filter.resourceInfo = FakeRequest.resource(Devices.class, "list");
        filter.filter(request.context());
        assertEquals(503, request.aborted.getStatus());
        assertEquals("5", request.aborted.getHeaderString("Retry-After"));
    }

    @Test
    void readsAndSignInsAreNotAudited() {
        AuditRecorder recorder = recorder();
        FakeRequest read = new FakeRequest("GET", "devices");
        recorder.resourceInfo = FakeRequest.resource(Devices.class, "list");
        recorder.filter(read.context(), FakeRequest.answer(200, null));
        FakeRequest signIn = new FakeRequest("POST", "session");
        recorder.resourceInfo = FakeRequest.resource(Session.class, "signIn");
        recorder.filter(signIn.context(), FakeRequest.answer(201, null));
        assertTrue(recorded.isEmpty(), recorded.toString());
    }

    @Test
    void whatACallCreatedIsNamedByItsLocation() {
        AuditRecorder recorder = recorder();
        FakeRequest create = new FakeRequest("POST", "devices");
        recorder.resourceInfo = FakeRequest.resource(Devices.class, "list");
        recorder.filter(create.context(), FakeRequest.answer(201, URI.create("http://h/api/v1/devices/77")));
        assertEquals("77", recorded.get(0).objectId());
        assertEquals(ActorKind.ANONYMOUS, recorded.get(0).actor().kind());
    }

    @Test
    void aCallToAPluginResourceIsRecordedWithThePathBelowTheApiAndThePlugin() {
        AuditRecorder recorder = recorder();
        FakeRequest call = new FakeRequest("POST", "threats/t1/quarantine").inPluginApplication("acme-av")
                .pathParameter("threat", "t1");
        recorder.resourceInfo = FakeRequest.resource(PluginThreats.class, "quarantine");
        recorder.filter(call.context(), FakeRequest.answer(204, null));
        AuditEntry entry = recorded.get(0);
        assertEquals("POST /plugins/acme-av/resources/threats/{threat}/quarantine", entry.action());
        assertEquals("plugins", entry.objectType());
        assertEquals("acme-av", entry.objectId());
    }

    private AuditRecorder recorder() {
        AuditRecorder recorder = new AuditRecorder();
        recorder.auditLog = new AuditLog() {
            @Override
            public void record(AuditEntry entry) {
                recorded.add(entry);
            }

            @Override
            public Page<AuditEntry> query(AuditQuery query, PageRequest page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public long export(AuditQuery query, java.util.function.Consumer<AuditEntry> consumer) {
                throw new UnsupportedOperationException();
            }
        };
        return recorder;
    }
}
