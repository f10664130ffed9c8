package org.garrison.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarrisonClientTest {

    private static final String PROBLEM = "application/problem+json";

    @TempDir
    Path temp;

    @Test
    void aSessionSendsItsCookieAlwaysAndItsCsrfTokenOnlyWithChanges() throws Exception {
        try (FakeHttp server = new FakeHttp(request -> request.path().equals("/api/v1/session")
                ? new FakeHttp.Answer(201, "application/json", "{\"csrfToken\":\"csrf-1\",\"pendingSteps\":[]}",
                        List.of("GARRISON_SESSION=cookie-1; Path=/; HttpOnly"))
                : FakeHttp.Answer.json(200, "{\"ok\":true}"))) {
            GarrisonClient admin = GarrisonClient.connect(server.base()).signIn("admin", "a-long-password");

            assertTrue(admin.get("/plugins").json().path("ok").asBoolean());
            admin.post("/groups", Map.of("name", "Berlin"));

            FakeHttp.Request signIn = server.requests().get(0);
            assertEquals("admin", Json.parse(signIn.body()).path("login").asText());
            assertEquals("a-long-password", Json.parse(signIn.body()).path("password").asText());
            FakeHttp.Request get = server.requests().get(1);
            assertEquals("/api/v1/plugins", get.path());
            assertEquals("GARRISON_SESSION=cookie-1", get.headers().getFirst("Cookie"));
            assertNull(get.headers().getFirst("X-CSRF-Token"));
            FakeHttp.Request post = server.requests().get(2);
            assertEquals("csrf-1", post.headers().getFirst("X-CSRF-Token"));
            assertEquals("{\"name\":\"Berlin\"}", post.body());
            assertEquals("application/json", post.headers().getFirst("Content-Type"));
        }
    }

    @Test
    void aTokenClientSendsTheTokenAndNoSession() throws Exception {
        try (FakeHttp server = new FakeHttp(request -> FakeHttp.Answer.json(204, ""))) {
            GarrisonClient client = GarrisonClient.connect(server.base()).withToken("gar_secret");

            client.delete("/api/v1/tasks/1");

            FakeHttp.Request delete = server.requests().get(0);
            assertEquals("Bearer gar_secret", delete.headers().getFirst("Authorization"));
            assertNull(delete.headers().getFirst("Cookie"));
            assertEquals("/api/v1/tasks/1", delete.path(), "paths below /api/ are taken as they are");
        }
    }

    @Test
    void aRefusedSignInSaysWhy() throws Exception {
        try (FakeHttp server = new FakeHttp(request -> new FakeHttp.Answer(401, PROBLEM,
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Wrong login or password\","
                        + "\"code\":\"invalid-credentials\"}", List.of()))) {
            TestKitException refused = assertThrows(TestKitException.class,
                    () -> GarrisonClient.connect(server.base()).signIn("admin", "wrong-password"));
            assertTrue(refused.getMessage().contains("invalid-credentials"), refused.getMessage());
        }
    }

    @Test
    void problemDetailsAreReadAndNamedWhenAnAnswerIsNotTheExpectedOne() throws Exception {
        try (FakeHttp server = new FakeHttp(request -> new FakeHttp.Answer(422, PROBLEM,
                "{\"title\":\"Unprocessable Entity\",\"status\":422,\"detail\":\"Invalid input\",\"code\":\"invalid\","
                        + "\"errors\":[{\"field\":\"settings/greeting\",\"message\":\"must be a string\"}]}",
                List.of()))) {
            ApiResponse answer = GarrisonClient.connect(server.base()).post("/policies", "{\"settings\":{}}");

            Problem problem = answer.problem().orElseThrow();
            assertEquals(422, problem.status());
            assertEquals("invalid", problem.code());
            assertEquals(List.of(new Problem.FieldProblem("settings/greeting", "must be a string")), problem.errors());
            AssertionError failure = assertThrows(AssertionError.class, () -> answer.expect(201));
            assertTrue(failure.getMessage().contains("POST /api/v1/policies answered 422"), failure.getMessage());
            assertTrue(failure.getMessage().contains("settings/greeting must be a string"), failure.getMessage());
        }
    }

    @Test
    void theWhiteboardsRedeploymentAnswerIsSentAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (FakeHttp server = new FakeHttp(request -> calls.incrementAndGet() < 3
                ? new FakeHttp.Answer(404, "text/plain", "No service was found.", List.of())
                : FakeHttp.Answer.json(200, "[]"))) {
            ApiResponse answer = GarrisonClient.connect(server.base()).get("/plugins/hello-app/resources/greetings");
            assertEquals(200, answer.status());
            assertEquals(3, calls.get());
        }
    }

    @Test
    void aPluginJarIsUploadedRawAndItsOutcomeRead() throws Exception {
        Path jar = Files.write(temp.resolve("hello app.jar"), new byte[] {'P', 'K', 3, 4});
        try (FakeHttp server = new FakeHttp(request -> FakeHttp.Answer.json(201,
                "{\"id\":\"hello-app\",\"version\":\"1.0.0\",\"state\":\"refused\","
                        + "\"message\":\"Missing requirement: package com.acme.util\"}"))) {
            PluginInstallation installation = GarrisonClient.connect(server.base()).installPlugin(jar);

            FakeHttp.Request upload = server.requests().get(0);
            assertEquals("/api/v1/plugins?fileName=hello+app.jar", upload.path());
            assertEquals("application/java-archive", upload.headers().getFirst("Content-Type"));
            assertEquals("hello-app", installation.id());
            assertFalse(installation.isActive());
            PluginRefusedException refused = assertThrows(PluginRefusedException.class,
                    installation::requireActive);
            assertTrue(refused.getMessage().contains("com.acme.util"), refused.getMessage());
        }
    }

    @Test
    void aJarTheServerDoesNotAcceptCarriesEveryProblem() throws Exception {
        Path jar = Files.write(temp.resolve("broken.jar"), new byte[] {1});
        try (FakeHttp server = new FakeHttp(request -> new FakeHttp.Answer(422, PROBLEM,
                "{\"title\":\"Unprocessable Entity\",\"status\":422,\"errors\":[{\"field\":\"file\","
                        + "\"message\":\"broken.jar is not a JAR (ZIP) file\"}]}", List.of()))) {
            PluginInstallation installation = GarrisonClient.connect(server.base()).installPlugin(jar);

            assertEquals(422, installation.status());
            assertNull(installation.state());
            assertTrue(installation.reason().orElseThrow().contains("not a JAR"));
        }
    }

    @Test
    void pathsMustBeAbsoluteWithinTheServer() {
        GarrisonClient client = GarrisonClient.connect(java.net.URI.create("https://localhost:8443/"));
        assertEquals("https://localhost:8443/api/v1/health", client.resolve("/health").toString());
        assertEquals("https://localhost:8443/console/plugins/a/b.js",
                client.resolve("/console/plugins/a/b.js").toString());
        assertThrows(IllegalArgumentException.class, () -> client.resolve("plugins"));
        assertThrows(IllegalArgumentException.class, () -> client.resolve("//evil.example.org/x"));
    }
}
