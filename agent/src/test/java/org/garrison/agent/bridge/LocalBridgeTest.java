package org.garrison.agent.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.identity.EnrollmentToken;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.json.AgentJson;
import org.garrison.agent.outbox.OutboxEntry;
import org.garrison.agent.outbox.OutboxOptions;
import org.garrison.agent.sync.AgentSession;
import org.garrison.agent.sync.AgentSessions;
import org.garrison.agent.sync.SessionSettings;
import org.garrison.agent.testing.TestGateway;
import org.garrison.agent.testing.TestMachine;
import org.garrison.agent.transport.GatewayChannels;
import org.garrison.api.agent.ApplicationPolicy;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.PolicyUpdate;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.SyncItemKind;
import org.garrison.api.device.InventoryReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;

class LocalBridgeTest {

    @TempDir
    Path folder;

    private final ObjectMapper json = AgentJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private TestGateway gateway;
    private AgentSession session;
    private LocalBridge bridge;
    private String secret;

    @BeforeEach
    void start() throws Exception {
        gateway = new TestGateway();
        GatewayChannels channels = new GatewayChannels(json, "garrison-agent/test", Duration.ofSeconds(5),
                Duration.ofSeconds(10), Duration.ofSeconds(10));
        TestMachine machine = new TestMachine("hw-bridge", "ws-bridge");
        Enrollment.Enrolled enrolled = new Enrollment(channels, Clock.systemUTC(), "0.1.0")
                .enroll(gateway.address(), EnrollmentToken.parse(gateway.token), machine);
        new IdentityStore(folder, json).save(enrolled.identity(), enrolled.record());
        session = AgentSessions.open(new SessionSettings(folder, OutboxOptions.DEFAULT_MAX_BYTES, true,
                Duration.ofMinutes(15)), machine, channels, Clock.systemUTC(), "0.1.0");
        bridge = LocalBridge.start(0, folder, session, json);
        secret = Files.readString(folder.resolve(LocalBridge.SECRET_FILE));
    }

    @AfterEach
    void stop() throws IOException {
        bridge.close();
        session.close();
        gateway.close();
    }

    private HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, secret);
    }

    private static String event(String source, String severity) {
        return "{\"occurredAt\":\"2026-11-26T16:00:00Z\",\"source\":\"" + source + "\",\"type\":\"threat-found\","
                + "\"severity\":\"" + severity + "\",\"description\":\"EICAR\",\"payload\":{\"file\":\"/tmp/x\"}}";
    }

    @Test
    void theSecretFileIsNewAndReadableByOwnerAndGroupOnly() throws IOException {
        assertEquals(43, secret.length());
        assertEquals("rw-r-----", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.resolve(LocalBridge.SECRET_FILE))));
    }

    @Test
    void aCallWithoutTheSecretIsRefused() throws Exception {
        assertEquals(401, call("POST", "/bridge/v1/events", "[" + event("endpoint-protection", "INFO") + "]",
                null).statusCode());
        assertEquals(401, call("POST", "/bridge/v1/events", "[" + event("endpoint-protection", "INFO") + "]",
                "wrong").statusCode());
        assertEquals(0, session.outbox().size());
    }

    @Test
    void eventsAreAcceptedOnceDurablyQueued() throws Exception {
        HttpResponse<String> response = call("POST", "/bridge/v1/events",
                "[" + event("endpoint-protection", "CRITICAL") + "," + event("endpoint-protection", "INFO") + "]");
        assertEquals(202, response.statusCode(), response.body());
        List<OutboxEntry> items = session.outbox().peek(10, Long.MAX_VALUE);
        assertEquals(1, items.size());
        assertEquals(SyncItemKind.EVENTS, items.get(0).kind());
        var events = json.readTree(items.get(0).json());
        assertEquals(2, events.size());
        assertTrue(events.get(0).get("id").isTextual(), "the agent gives each event its id");
    }

    @Test
    void badEventsAreRefusedWithTheReason() throws Exception {
        assertEquals(400, call("POST", "/bridge/v1/events", "not json").statusCode());
        assertEquals(400, call("POST", "/bridge/v1/events", "{}").statusCode());
        assertEquals(400, call("POST", "/bridge/v1/events", "[]").statusCode());
        assertEquals(400, call("POST", "/bridge/v1/events", "[" + event("core", "INFO") + "]").statusCode());
        assertEquals(400, call("POST", "/bridge/v1/events", "[" + event("bad app!", "INFO") + "]").statusCode());
        assertEquals(400, call("POST", "/bridge/v1/events", "[" + event("endpoint-protection", "LOUD") + "]")
                .statusCode());
        HttpResponse<String> wrongType = call("POST", "/bridge/v1/events",
                "[{\"occurredAt\":\"2026-11-26T16:00:00Z\",\"source\":\"ep\",\"type\":\"t\",\"severity\":\"INFO\","
                        + "\"payload\":[1,2]}]");
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.headers().firstValue("Content-Type").orElse("").contains("problem+json"));
        assertEquals(0, session.outbox().size());
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsTooLarge() throws Exception {
        String huge = "[" + "\"x\",".repeat(LocalBridge.MAX_BODY_BYTES / 4) + "\"x\"]";
        assertEquals(413, call("POST", "/bridge/v1/events", huge).statusCode());
    }

    @Test
    void wrongMethodsAndPathsAreRefused() throws Exception {
        assertEquals(405, call("GET", "/bridge/v1/events", null).statusCode());
        assertEquals(404, call("GET", "/bridge/v1/nothing", null).statusCode());
        assertEquals(404, call("GET", "/elsewhere", null).statusCode());
    }

    @Test
    void applicationDataIsQueued() throws Exception {
        HttpResponse<String> response = call("POST", "/bridge/v1/application-data",
                "{\"application\":\"endpoint-protection\",\"kind\":\"threats\",\"reportedAt\":\"2026-11-26T16:00:00Z\","
                        + "\"data\":{\"count\":3}}");
        assertEquals(202, response.statusCode(), response.body());
        assertEquals(SyncItemKind.APPLICATION_DATA, session.outbox().peek(1, Long.MAX_VALUE).get(0).kind());
        assertEquals(400, call("POST", "/bridge/v1/application-data",
                "{\"application\":\"endpoint-protection\",\"kind\":\"threats\"}").statusCode());
    }

    @Test
    void anApplicationsStateIsQueuedAsAPartialInventoryReport() throws Exception {
        HttpResponse<String> response = call("PUT", "/bridge/v1/applications/endpoint-protection",
                "{\"name\":\"Endpoint Protection\",\"version\":\"12.1\",\"state\":\"RUNNING\"}");
        assertEquals(202, response.statusCode(), response.body());
        OutboxEntry item = session.outbox().peek(1, Long.MAX_VALUE).get(0);
        InventoryReport report = json.readValue(item.json(), InventoryReport.class);
        assertEquals(false, report.full());
        assertEquals("endpoint-protection", report.applications().get(0).applicationId());
        assertEquals(400, call("PUT", "/bridge/v1/applications/endpoint-protection",
                "{\"applicationId\":\"other\"}").statusCode());
        assertEquals(405, call("POST", "/bridge/v1/applications/endpoint-protection", "{}").statusCode());
    }

    @Test
    void anApplicationFetchesItsInstructionsAndAnswersThem() throws Exception {
        Instruction scan = new Instruction(UUID.randomUUID(), "full-scan", "endpoint-protection", Map.of("deep", true),
                Instant.now(), null);
        gateway.instructions.add(scan);
        session.sync();

        HttpResponse<String> listed = call("GET", "/bridge/v1/instructions?application=endpoint-protection", null);
        assertEquals(200, listed.statusCode());
        assertTrue(listed.body().contains(scan.id().toString()));
        assertEquals("[]", call("GET", "/bridge/v1/instructions?application=other", null).body());
        assertEquals(400, call("GET", "/bridge/v1/instructions", null).statusCode());

        assertEquals(400, call("POST", "/bridge/v1/instruction-results", "{\"instructionId\":\"" + scan.id()
                + "\",\"state\":\"FAILED\",\"at\":\"2026-11-26T16:00:00Z\"}").statusCode(), "a failure needs a message");
        assertEquals(404, call("POST", "/bridge/v1/instruction-results", "{\"instructionId\":\"" + UUID.randomUUID()
                + "\",\"state\":\"SUCCEEDED\",\"at\":\"2026-11-26T16:00:00Z\"}").statusCode());
        assertEquals(202, call("POST", "/bridge/v1/instruction-results", "{\"instructionId\":\"" + scan.id()
                + "\",\"state\":\"SUCCEEDED\",\"at\":\"2026-11-26T16:00:00Z\",\"result\":{\"threats\":0}}")
                .statusCode());
        assertEquals("[]", call("GET", "/bridge/v1/instructions?application=endpoint-protection", null).body());
        assertEquals(new String(session.outbox().peek(1, Long.MAX_VALUE).get(0).json(), StandardCharsets.UTF_8)
                .contains(scan.id().toString()), true);
    }

    @Test
    void anApplicationReadsItsPolicyAndPollsItWithItsHash() throws Exception {
        HttpResponse<String> none = call("GET", "/bridge/v1/policies/endpoint-protection", null);
        assertEquals(404, none.statusCode());
        assertTrue(none.body().contains("no-policy"), none.body());

        gateway.policies = new PolicyUpdate("t1@1", List.of("endpoint-protection"), List.of(new ApplicationPolicy(
                "endpoint-protection", "h1", Map.of("realtime", Map.of("enabled", false)), List.of("realtime/enabled"))));
        session.sync();
        SyncRequest first = gateway.syncs.get(gateway.syncs.size() - 1);
        assertEquals(Map.of(), first.policies(), "the first sync holds nothing");
        assertEquals(null, first.policyTag());
        HttpResponse<String> held = call("GET", "/bridge/v1/policies/endpoint-protection", null);
        assertEquals(200, held.statusCode());
        assertEquals("\"h1\"", held.headers().firstValue("ETag").orElseThrow());
        var body = json.readTree(held.body());
        assertEquals("h1", body.path("hash").asText());
        assertEquals(false, body.path("settings").path("realtime").path("enabled").asBoolean(true));
        assertEquals("realtime/enabled", body.path("lockedSettings").get(0).asText());
        assertTrue(body.path("receivedAt").isTextual());

        HttpRequest unchanged = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bridge.port()
                + "/bridge/v1/policies/endpoint-protection")).header("Authorization", "Bearer " + secret)
                .header("If-None-Match", "\"h1\"").GET().build();
        assertEquals(304, http.send(unchanged, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(404, call("GET", "/bridge/v1/policies/device-control", null).statusCode());
        assertEquals(400, call("GET", "/bridge/v1/policies/-not-an-id", null).statusCode());
        assertEquals(404, call("GET", "/bridge/v1/policies/..%2Fetc", null).statusCode());
        assertEquals(405, call("POST", "/bridge/v1/policies/endpoint-protection", "{}").statusCode());
        assertEquals(401, call("GET", "/bridge/v1/policies/endpoint-protection", null, "wrong").statusCode());

        // the next sync sends back what is held; an update without the application drops its policy
        gateway.policies = new PolicyUpdate("t2@2", List.of(), List.of());
        session.sync();
        SyncRequest sent = gateway.syncs.get(gateway.syncs.size() - 1);
        assertEquals(Map.of("endpoint-protection", "h1"), sent.policies());
        assertEquals("t1@1", sent.policyTag());
        assertEquals(404, call("GET", "/bridge/v1/policies/endpoint-protection", null).statusCode());
    }
}
