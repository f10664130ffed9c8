package org.garrison.bridge.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The client against a bridge played by the JDK's HTTP server, with the agent's rules for the secret. */
class BridgeClientTest {

    @TempDir
    Path folder;

    private HttpServer server;
    private Path secretFile;
    private volatile String secret = "first-secret";
    private volatile boolean down;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private BridgeClient client;

    @BeforeEach
    void start() throws IOException {
        secretFile = folder.resolve("bridge.secret");
        Files.writeString(secretFile, secret + "\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::bridge);
        server.start();
        client = new BridgeClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), secretFile);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void bridge(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            if (down) {
                answer(exchange, 503, "{\"code\":\"unavailable\"}");
            } else if (!("Bearer " + secret).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "{\"code\":\"unauthorized\"}");
            } else if (path.equals("/bridge/v1/policies/av")) {
                String match = exchange.getRequestHeaders().getFirst("If-None-Match");
                if ("\"h1\"".equals(match)) {
                    answer(exchange, 304, "");
                } else {
                    answer(exchange, 200, "{\"application\":\"av\",\"hash\":\"h1\",\"settings\":{\"on\":false}}");
                }
            } else if (path.startsWith("/bridge/v1/policies/")) {
                answer(exchange, 404, "{\"code\":\"no-policy\"}");
            } else if (body.contains("\"bad\"")) {
                answer(exchange, 400, "{\"code\":\"invalid\"}");
            } else {
                received.add(exchange.getRequestMethod() + " " + path + " " + body);
                answer(exchange, 202, "{\"queued\":true}");
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Test
    void aNewSecretIsReadAgainAfterA401() throws Exception {
        client.postEvents(List.of(Map.of("type", "one")));
        secret = "second-secret";
        Files.writeString(secretFile, secret);
        client.postEvents(List.of(Map.of("type", "two")));
        assertEquals(2, received.size());
    }

    @Test
    void thePolicyAnswersSayWhetherItChanged() throws Exception {
        BridgeClient.PolicyAnswer first = client.policy("av", null);
        assertEquals(BridgeClient.PolicyAnswer.Outcome.CHANGED, first.outcome());
        assertEquals("h1", first.hash());
        assertFalse(first.settings().path("on").asBoolean(true));
        assertEquals(BridgeClient.PolicyAnswer.Outcome.UNCHANGED, client.policy("av", "h1").outcome());
        assertEquals(BridgeClient.PolicyAnswer.Outcome.NONE, client.policy("dc", null).outcome());
    }

    @Test
    void theOutboxKeepsItsOrderThroughAnOutageAndDropsWhatIsRefused() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BridgeOutbox outbox = new BridgeOutbox(client, BridgeOutbox.printing(new PrintStream(printed, true),
                () -> Instant.parse("2026-11-26T12:00:00Z")));
        down = true;
        outbox.add("first report", b -> b.postData(Map.of("kind", "first")));
        outbox.add("bad report", b -> b.postData(Map.of("kind", "bad")));
        outbox.add("second report", b -> b.postData(Map.of("kind", "second")));
        assertFalse(outbox.flush());
        assertFalse(outbox.flush());
        assertEquals(3, outbox.size());
        assertEquals(1, printed.toString().lines().filter(l -> l.endsWith("trying again")).count(),
                "an outage is reported once");

        down = false;
        assertTrue(outbox.flush());
        assertEquals(List.of("POST /bridge/v1/application-data {\"kind\":\"first\"}",
                "POST /bridge/v1/application-data {\"kind\":\"second\"}"), received);
        assertEquals(1, outbox.refused());
        assertTrue(printed.toString().contains("the agent refused the bad report"), printed.toString());
    }

    @Test
    void aCallSentNowIsTriedAgainUntilTheAgentIsBackOrRefusesIt() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        BridgeOutbox outbox = new BridgeOutbox(client, BridgeOutbox.printing(new PrintStream(printed, true),
                Instant::now));
        down = true;
        Thread back = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            down = false;
        });
        back.start();
        assertTrue(outbox.sendNow("result", b -> b.postResult(Map.of("state", "SUCCEEDED")), 20,
                Duration.ofMillis(100)));
        back.join();
        assertEquals(List.of("POST /bridge/v1/instruction-results {\"state\":\"SUCCEEDED\"}"), received);
        assertFalse(outbox.sendNow("bad result", b -> b.postResult(Map.of("state", "bad")), 3,
                Duration.ofMillis(10)));
        assertEquals(1, outbox.refused());
        down = true;
        assertFalse(outbox.sendNow("late result", b -> b.postResult(Map.of("state", "x")), 2,
                Duration.ofMillis(10)), "gives up after its tries");
    }
}
