package org.garrison.plugins.endpointprotection.simulator;

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

import org.garrison.bridge.client.BridgeClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The simulator against a recording stand-in for the agent's bridge (the real one is exercised by
 * EndpointProtectionIT): what it sends in which order, the secret read again after the agent restarted, and a task
 * answered RUNNING then SUCCEEDED.
 */
class SimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    private HttpServer server;
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final List<JsonNode> results = Collections.synchronizedList(new ArrayList<>());
    private volatile String secret = "first-secret";
    private volatile boolean instructionGiven;
    private Path secretFile;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void reportsItsStateRunsATaskAndFollowsARestartedAgentsNewSecret() throws Exception {
        secretFile = folder.resolve("bridge.secret");
        Files.writeString(secretFile, secret);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::bridge);
        server.start();

        SimulatorOptions options = SimulatorOptions.parse("--bridge", "http://127.0.0.1:"
                + server.getAddress().getPort(), "--secret-file", secretFile.toString(), "--seed", "11", "--rate",
                "120", "--duration", "3", "--poll", "1", "--scan-seconds", "0");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Simulator.Stats stats = new Simulator(options, new BridgeClient(options.bridge(), options.secretFile()),
                Clock.systemUTC(), new PrintStream(printed, true, StandardCharsets.UTF_8)).run();

        List<String> start = calls.subList(0, 5);
        assertEquals(List.of("PUT /bridge/v1/applications/endpoint-protection", "POST licence", "POST scan-status",
                "POST quarantine", "POST threats"), start);
        assertEquals(List.of("RUNNING", "SUCCEEDED"), results.stream().map(r -> r.path("state").asText()).toList());
        JsonNode done = results.get(1);
        assertTrue(done.path("result").path("objectsScanned").asLong() > 0, done.toString());
        assertTrue(calls.contains("POST events scan-finished"), calls.toString());
        int scanReport = calls.lastIndexOf("POST scan-status");
        assertTrue(scanReport >= 0 && scanReport < calls.lastIndexOf("RESULT"), "the scan state goes before the"
                + " task's result: " + calls);
        assertEquals(1, stats.tasks());
        assertEquals(0, stats.refused(), printed.toString(StandardCharsets.UTF_8));
        assertEquals("second-secret", secret, "the agent restarted during the run");
    }

    private void bridge(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!("Bearer " + secret).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            String path = exchange.getRequestURI().getPath();
            JsonNode body = exchange.getRequestMethod().equals("GET") ? null
                    : JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (calls.size() == 2) {
                // the agent restarts: a new secret in its file, the old one refused from now on
                secret = "second-secret";
                Files.writeString(secretFile, secret);
            }
            switch (path) {
                case "/bridge/v1/application-data" -> calls.add("POST " + body.path("kind").asText());
                case "/bridge/v1/events" -> calls.add("POST events " + body.path(0).path("type").asText());
                case "/bridge/v1/instruction-results" -> {
                    results.add(body);
                    calls.add("RESULT");
                }
                case "/bridge/v1/instructions" -> {
                    String answer = instructionGiven ? "[]" : "[{\"id\": \"0b6c7f52-6d0c-4f7e-9a53-0d1b8f1f2a10\", "
                            + "\"type\": \"full-scan\", \"application\": \"endpoint-protection\", \"parameters\": "
                            + "{\"scope\": \"full\", \"action\": \"disinfect\"}, \"createdAt\": "
                            + "\"2026-11-26T10:00:00Z\"}]";
                    instructionGiven = true;
                    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
                    exchange.sendResponseHeaders(200, bytes.length);
                    exchange.getResponseBody().write(bytes);
                    return;
                }
                default -> calls.add(exchange.getRequestMethod() + " " + path);
            }
            exchange.sendResponseHeaders(202, -1);
        }
    }
}
