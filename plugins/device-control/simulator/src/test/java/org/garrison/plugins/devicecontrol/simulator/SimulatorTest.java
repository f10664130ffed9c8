package org.garrison.plugins.devicecontrol.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.bridge.client.BridgeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator against a recording stand-in for the agent's bridge (the real one is exercised by DeviceControlIT):
 * no policy at first (the defaults allow the stick), then a policy that blocks storage arrives and is applied to the
 * attached stick, an unchanged policy is answered 304, and a rescan task is answered RUNNING then SUCCEEDED.
 */
class SimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<JsonNode> data = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> events = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> results = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger notModified = new AtomicInteger();
    private volatile boolean policyArrived;
    private volatile boolean instructionGiven;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void appliesThePolicyWhenItArrivesAndRunsARescan() throws Exception {
        Path secretFile = folder.resolve("bridge.secret");
        Files.writeString(secretFile, "the-secret");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::bridge);
        server.start();

        SimulatorOptions options = SimulatorOptions.parse("--bridge", "http://127.0.0.1:"
                + server.getAddress().getPort(), "--secret-file", secretFile.toString(), "--seed", "5", "--duration",
                "5", "--poll", "1", "--policy-poll", "1", "--attach", "usb-stick,serial=STICK1", "--attach", "printer",
                "--user", "CORP\\alice");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Simulator.Stats stats = new Simulator(options, new BridgeClient(options.bridge(), options.secretFile()),
                Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        String output = printed.toString(StandardCharsets.UTF_8);

        List<String> decisions = new ArrayList<>();
        for (JsonNode report : List.copyOf(data)) {
            if (report.path("kind").asText().equals("access-log")) {
                report.path("data").path("entries").forEach(e -> decisions.add(e.path("name").asText() + " "
                        + e.path("decision").asText() + " " + e.path("trigger").asText()));
            }
        }
        assertEquals(List.of("SanDisk Ultra USB 3.0 allowed attached", "HP LaserJet Pro M404dn allowed attached",
                "SanDisk Ultra USB 3.0 blocked policy-changed"), decisions.subList(0, 3), output);
        assertEquals(1, events.size(), output);
        assertEquals("device-blocked", events.get(0).path("type").asText());
        assertEquals("CORP\\alice", events.get(0).path("payload").path("userAccount").asText());
        assertTrue(notModified.get() > 0, "the unchanged policy was asked for with its hash: " + output);
        assertEquals(1, stats.policiesApplied(), output);

        JsonNode lastSnapshot = null;
        for (JsonNode report : List.copyOf(data)) {
            if (report.path("kind").asText().equals("connected-devices")) {
                lastSnapshot = report.path("data");
            }
        }
        assertEquals("h1", lastSnapshot.path("policyHash").asText());
        assertEquals("blocked", lastSnapshot.path("devices").path(0).path("access").asText());
        assertEquals(List.of("RUNNING", "SUCCEEDED"), results.stream().map(r -> r.path("state").asText()).toList(),
                output);
        assertEquals(2, results.get(1).path("result").path("devices").asInt());
        assertEquals(1, results.get(1).path("result").path("blocked").asInt());
        assertEquals(0, stats.refused(), output);
    }

    private void bridge(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"Bearer the-secret".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            JsonNode body = exchange.getRequestMethod().equals("GET") ? null
                    : JSON.readTree(exchange.getRequestBody().readAllBytes());
            switch (path) {
                case "/bridge/v1/application-data" -> {
                    data.add(body);
                    // the agent gets its policy at its next sync after the application started
                    policyArrived = policyArrived || body.path("kind").asText().equals("connected-devices");
                }
                case "/bridge/v1/events" -> body.forEach(events::add);
                case "/bridge/v1/instruction-results" -> results.add(body);
                case "/bridge/v1/policies/device-control" -> {
                    policy(exchange);
                    return;
                }
                case "/bridge/v1/instructions" -> {
                    boolean give = policyArrived && !instructionGiven && !data.isEmpty() && data.stream().anyMatch(
                            r -> r.path("data").path("policyHash").asText().equals("h1"));
                    String answer = give ? "[{\"id\": \"0b6c7f52-6d0c-4f7e-9a53-0d1b8f1f2a10\", \"type\": "
                            + "\"rescan-devices\", \"application\": \"device-control\", \"parameters\": {}, "
                            + "\"createdAt\": \"2026-11-26T10:00:00Z\"}]" : "[]";
                    instructionGiven = instructionGiven || give;
                    send(exchange, 200, answer);
                    return;
                }
                default -> {
                    // PUT /bridge/v1/applications/device-control
                }
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }

    private void policy(HttpExchange exchange) throws IOException {
        if (!policyArrived) {
            send(exchange, 404, "{\"status\": 404, \"code\": \"no-policy\"}");
        } else if ("\"h1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            notModified.incrementAndGet();
            exchange.sendResponseHeaders(304, -1);
        } else {
            exchange.getResponseHeaders().set("ETag", "\"h1\"");
            send(exchange, 200, "{\"application\": \"device-control\", \"hash\": \"h1\", \"settings\": "
                    + "{\"defaultAccess\": {\"removable-storage\": \"block\"}}, \"lockedSettings\": [], "
                    + "\"receivedAt\": \"2026-11-26T10:00:00Z\"}");
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
