package org.garrison.agent.bridge;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.garrison.agent.sync.AgentSession;
import org.garrison.agent.sync.HeldPolicies;
import org.garrison.api.agent.InstructionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The local bridge: managed applications on the device talk to the agent here, never to the server
 * (docs/agent-protocol.md, "The local bridge"). Plain HTTP on the loopback interface only, every call authorised by
 * the secret in {@code bridge.secret}. A write is answered {@code 202} once it is in the durable outbox.
 */
public final class LocalBridge implements AutoCloseable {

    /** The largest request body: an outbox item holds at most 4 MiB. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final String SECRET_FILE = "bridge.secret";
    private static final long MAX_DRAIN_BYTES = 4L * MAX_BODY_BYTES;

    private static final Logger LOG = LoggerFactory.getLogger(LocalBridge.class);
    private static final String PREFIX = "/bridge/v1/";
    private static final String POLICIES = "policies/";

    private final HttpServer server;
    private final ExecutorService executor;
    private final BridgeSecret secret;
    private final AgentSession session;
    private final BridgeInput input;
    private final ObjectMapper json;

    private LocalBridge(HttpServer server, ExecutorService executor, BridgeSecret secret, AgentSession session,
            ObjectMapper json) {
        this.server = server;
        this.executor = executor;
        this.secret = secret;
        this.session = session;
        this.input = new BridgeInput(json);
        this.json = json;
    }

    /**
     * Writes a new secret to {@code <dataFolder>/bridge.secret} and listens on {@code 127.0.0.1:port} (0 picks a
     * free port).
     */
    public static LocalBridge start(int port, Path dataFolder, AgentSession session, ObjectMapper json)
            throws IOException {
        BridgeSecret secret = BridgeSecret.create(dataFolder.resolve(SECRET_FILE));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        AtomicInteger threads = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(2, task -> {
            Thread thread = new Thread(task, "garrison-bridge-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        LocalBridge bridge = new LocalBridge(server, executor, secret, session, json);
        server.createContext("/", bridge::handle);
        server.setExecutor(executor);
        server.start();
        LOG.info("Local bridge listening on http://127.0.0.1:{}", bridge.port());
        return bridge;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                if (!secret.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"garrison-agent\"");
                    throw new BridgeRefusal(401, "unauthorized",
                            "Send Authorization: Bearer <the content of bridge.secret in the agent's data folder>");
                }
                route(exchange);
            } catch (BridgeRefusal refusal) {
                problem(exchange, refusal.status(), refusal.code(), refusal.getMessage());
            } catch (IOException | RuntimeException e) {
                LOG.error("Local bridge request {} {} failed", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), e);
                problem(exchange, 503, "unavailable", "The agent could not store the item: " + e.getMessage());
            }
        }
    }

    private void route(HttpExchange exchange) throws BridgeRefusal, IOException {
        URI uri = exchange.getRequestURI();
        String path = uri.getPath();
        String method = exchange.getRequestMethod();
        if (!path.startsWith(PREFIX)) {
            throw new BridgeRefusal(404, "not-found", "No such path: " + path);
        }
        String resource = path.substring(PREFIX.length());
        switch (resource) {
            case "events" -> {
                allow(method, "POST");
                session.reports().events(input.events(body(exchange)));
                accepted(exchange);
            }
            case "application-data" -> {
                allow(method, "POST");
                session.reports().applicationData(input.applicationData(body(exchange)));
                accepted(exchange);
            }
            case "instructions" -> {
                allow(method, "GET");
                String application = query(uri).get("application");
                BridgeInput.requireName(application, "the query parameter 'application'");
                answer(exchange, 200, json.writeValueAsBytes(session.applicationInstructions(application)));
            }
            case "instruction-results" -> {
                allow(method, "POST");
                InstructionResult result = input.instructionResult(body(exchange));
                if (!session.applicationResult(result)) {
                    throw new BridgeRefusal(404, "unknown-instruction", "The agent holds no application instruction "
                            + result.instructionId() + " (it may be answered already, cancelled, or not delivered "
                            + "yet: fetch GET /bridge/v1/instructions)");
                }
                accepted(exchange);
            }
            default -> {
                if (resource.startsWith(POLICIES) && resource.indexOf('/', POLICIES.length()) < 0) {
                    allow(method, "GET");
                    policy(exchange, resource.substring(POLICIES.length()));
                } else if (resource.startsWith("applications/") && resource.indexOf('/', 13) < 0) {
                    allow(method, "PUT");
                    session.inventory().applicationReported(
                            input.application(resource.substring("applications/".length()), body(exchange)));
                    accepted(exchange);
                } else {
                    throw new BridgeRefusal(404, "not-found", "No such path: " + path);
                }
            }
        }
    }

    /**
     * {@code GET /bridge/v1/policies/{application}}: the effective policy the agent holds for the application, with
     * its hash as entity tag, so an application polling with {@code If-None-Match} gets {@code 304} until it changes.
     */
    private void policy(HttpExchange exchange, String application) throws BridgeRefusal, IOException {
        BridgeInput.requireName(application, "the application id in the path");
        HeldPolicies.Held held = session.policy(application).orElseThrow(() -> new BridgeRefusal(404, "no-policy",
                "The agent holds no policy for " + application + " yet: the server sends it with a sync answer once "
                        + "the application's plugin is active on the server"));
        String etag = "\"" + held.hash() + "\"";
        exchange.getResponseHeaders().set("ETag", etag);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.equals(etag) || ifNoneMatch.equals(held.hash()))) {
            send(exchange, 304, new byte[0]);
            return;
        }
        answer(exchange, 200, json.writeValueAsBytes(held));
    }

    private static void allow(String method, String allowed) throws BridgeRefusal {
        if (!allowed.equals(method)) {
            throw new BridgeRefusal(405, "method-not-allowed", method + " is not allowed here; use " + allowed);
        }
    }

    private static byte[] body(HttpExchange exchange) throws IOException, BridgeRefusal {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                drain(in);
                throw new BridgeRefusal(413, "too-large", "The body is larger than " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }

    /**
     * Reads the rest of a refused body (up to a bound): closing with unread data resets the connection and the
     * application would never see the 413. Not {@code skip}: the JDK server's body stream passes it to the socket
     * stream beneath, past its own byte count, and its close then waits for bytes already skipped.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long left = MAX_DRAIN_BYTES;
        for (int read = 0; read >= 0 && left > 0; read = in.read(buffer, 0, buffer.length)) {
            left -= read;
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    private void accepted(HttpExchange exchange) throws IOException {
        answer(exchange, 202, json.writeValueAsBytes(Map.of("queued", true)));
    }

    private void problem(HttpExchange exchange, int status, String code, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("code", code);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, status, json.writeValueAsBytes(problem));
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        send(exchange, status, body);
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
