package org.garrison.http.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Method;

import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.garrison.api.security.PublicEndpoint;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.SignedIn;
import org.junit.jupiter.api.Test;

class EndpointRuleTest {

    @Path("things")
    @RequiresPermission("things.read")
    static class Declared {

        @GET
        public void inherited() {
        }

        @GET
        @Path("{id}")
        @RequiresPermission(value = "things.write", scopeFrom = "path:id", objectKind = "thing")
        public void own() {
        }

        @GET
        @PublicEndpoint
        public void open() {
        }

        @GET
        @SignedIn
        @PublicEndpoint
        public void contradicting() {
        }

        @GET
        @RequiresPermission("")
        public void blank() {
        }

        @GET
        @RequiresPermission(value = "things.write", everywhere = true, objectKind = "thing")
        public void wide() {
        }
    }

    @Path("/plain/")
    static class Undeclared {

        @GET
        @Path("/{id}/sub/")
        public void nothing() {
        }
    }

    @Path("numbers")
    static class Regex {

        @GET
        @Path("{n: [0-9]+}")
        public void number() {
        }
    }

    @Test
    void theMethodsDeclarationWinsOverTheClasss() throws Exception {
        EndpointRule own = rule(Declared.class, "own");
        assertEquals(EndpointRule.scoped("things.write", "path:id", "thing"), own);
        assertEquals(true, own.scoped());
        assertEquals(EndpointRule.PUBLIC, rule(Declared.class, "open"));
    }

    @Test
    void aPermissionCanBeRequiredOnTheWholeServer() throws Exception {
        EndpointRule wide = rule(Declared.class, "wide");
        assertEquals(true, wide.everywhere());
        assertEquals(false, wide.scoped());
        assertEquals("thing", wide.objectKind());
    }

    @Test
    void aMethodWithoutADeclarationTakesTheClasss() throws Exception {
        assertEquals(EndpointRule.permission("things.read"), rule(Declared.class, "inherited"));
    }

    @Test
    void nothingContradictingOrBlankIsUndeclared() throws Exception {
        assertEquals(EndpointRule.UNDECLARED, rule(Undeclared.class, "nothing"));
        assertEquals(EndpointRule.UNDECLARED, rule(Declared.class, "contradicting"));
        assertEquals(EndpointRule.UNDECLARED, rule(Declared.class, "blank"));
        assertEquals(EndpointRule.UNDECLARED, EndpointRule.of(null, Declared.class));
    }

    @Test
    void labelsNameTheDeclaration() throws Exception {
        assertEquals("things.read", rule(Declared.class, "inherited").label());
        assertEquals("public", EndpointRule.PUBLIC.label());
        assertEquals("signed-in", EndpointRule.SIGNED_IN.label());
    }

    @Test
    void templatesJoinClassAndMethodPaths() throws Exception {
        assertEquals("/things/{id}", ResourceMethods.template(Declared.class, Declared.class.getMethod("own")));
        assertEquals("/things", ResourceMethods.template(Declared.class, Declared.class.getMethod("inherited")));
        assertEquals("/plain/{id}/sub", ResourceMethods.template(Undeclared.class,
                Undeclared.class.getMethod("nothing")));
        assertEquals("/numbers/{n}", ResourceMethods.template(Regex.class, Regex.class.getMethod("number")));
        assertEquals("GET", ResourceMethods.httpMethod(Regex.class.getMethod("number")));
        assertEquals(null, ResourceMethods.httpMethod(EndpointRuleTest.class.getDeclaredMethod("rule", Class.class,
                String.class)));
    }

    @Test
    void auditObjectTypesComeFromTheDeclarationOrThePath() throws Exception {
        assertEquals("thing", AuditRecorder.objectType(rule(Declared.class, "own"), "/things/{id}"));
        assertEquals("things", AuditRecorder.objectType(rule(Declared.class, "inherited"), "/things"));
        assertEquals("devices", AuditRecorder.objectType(EndpointRule.UNDECLARED, "/devices/bulk/move"));
        assertEquals("42", AuditRecorder.lastSegment("/api/v1/devices/42"));
        assertEquals("42", AuditRecorder.lastSegment("devices/42/"));
        assertEquals(null, AuditRecorder.lastSegment("/"));
        assertEquals(true, AuditRecorder.isSignIn("POST", "/session"));
        assertEquals(false, AuditRecorder.isSignIn("DELETE", "/session"));
    }

    private static EndpointRule rule(Class<?> type, String method) throws NoSuchMethodException {
        Method m = type.getMethod(method);
        return EndpointRule.of(m, type);
    }
}
