package org.garrison.agent.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.garrison.agent.identity.Pem;
import org.garrison.agent.json.AgentJson;
import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.Instruction;
import org.garrison.api.agent.ItemNotice;
import org.garrison.api.agent.RenewRequest;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.agent.PolicyUpdate;
import org.garrison.api.agent.SyncResponse;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;

/**
 * A small gateway for the agent's end-to-end tests: the JDK's HTTPS server with a test CA, client certificates
 * requested (required by every path but enroll), the protocol's exactly-once rule for sync items, and switches to
 * lose an answer, queue instructions, revoke, or ask for a renewal.
 */
public final class TestGateway implements AutoCloseable {

    public final TestPki pki = new TestPki("Test");
    public final String token = "ge1." + "s".repeat(43) + "." + pin();
    public final List<SyncRequest> syncs = Collections.synchronizedList(new ArrayList<>());
    public final List<SyncItem> stored = Collections.synchronizedList(new ArrayList<>());
    public final List<Instruction> instructions = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, UUID> agentsByHardware = new HashMap<>();
    public final AtomicInteger gzippedRequests = new AtomicInteger();
    public final AtomicInteger renewals = new AtomicInteger();
    public final AtomicInteger enrollments = new AtomicInteger();
    public volatile int loseAnswers;
    public volatile boolean revoked;
    public volatile boolean askRenewal;
    public volatile boolean askFullInventory;
    public volatile AgentState enrollState = AgentState.ACTIVE;
    public volatile Instant serverTime;
    public volatile boolean wakeNext;
    /** The policies part of the next sync answers, or {@code null} for none. */
    public volatile PolicyUpdate policies;

    private final ObjectMapper json = AgentJson.newMapper();
    private final HttpsServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final UUID deviceId = UUID.randomUUID();
    private final Map<String, Long> highestSeqs = new HashMap<>();

    public TestGateway() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        SSLContext context = pki.serverContext(pki.gatewayKeys.getPrivate(), pki.gateway, pki.ca);
        server.setHttpsConfigurator(new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters parameters = context.getDefaultSSLParameters();
                parameters.setWantClientAuth(true);
                params.setSSLParameters(parameters);
            }
        });
        server.createContext("/", exchange -> {
            try (exchange) {
                handle((HttpsExchange) exchange);
            } catch (RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
        });
        server.setExecutor(executor);
        server.start();
    }

    public URI address() {
        return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    public String pin() {
        try {
            return org.garrison.agent.identity.ServerChainVerifier.pinOf(pki.ca);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }


    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpsExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/agent/v1/enroll")) {
            enroll(exchange);
            return;
        }
        X509Certificate client = clientCertificate(exchange);
        if (client == null) {
            problem(exchange, 401, "certificate-required");
            return;
        }
        if (revoked) {
            problem(exchange, 403, "certificate-revoked");
            return;
        }
        switch (path) {
            case "/agent/v1/sync" -> sync(exchange, client.getSubjectX500Principal().getName());
            case "/agent/v1/renew" -> renew(exchange);
            case "/agent/v1/wake" -> send(exchange, 200, Map.of("sync", wakeNext, "within", 0));
            default -> problem(exchange, 404, "not-found");
        }
    }

    private void enroll(HttpsExchange exchange) throws IOException {
        EnrollRequest request = json.readValue(body(exchange), EnrollRequest.class);
        if (!token.equals(request.token())) {
            problem(exchange, 403, "token-refused");
            return;
        }
        enrollments.incrementAndGet();
        UUID agentId;
        synchronized (this) {
            agentId = agentsByHardware.computeIfAbsent(request.hardwareId(), id -> UUID.randomUUID());
        }
        send(exchange, 200, grant(agentId, request.csr(), enrollState));
    }

    private void renew(HttpsExchange exchange) throws IOException {
        RenewRequest request = json.readValue(body(exchange), RenewRequest.class);
        renewals.incrementAndGet();
        askRenewal = false;
        UUID agentId = UUID.fromString(clientCertificate(exchange).getSubjectX500Principal().getName()
                .replace("CN=", ""));
        send(exchange, 200, grant(agentId, request.csr(), AgentState.ACTIVE));
    }

    private CertificateGrant grant(UUID agentId, String csr, AgentState state) {
        X509Certificate certificate = pki.issueFromRequest(csr, "CN=" + agentId);
        Instant expires = certificate.getNotAfter().toInstant();
        return new CertificateGrant(agentId, state, Pem.write(certificate), List.of(Pem.write(pki.ca)), expires,
                expires.minus(60, ChronoUnit.DAYS), 300);
    }

    /** Stores the items above the agent's highest sequence number (each agent has its own numbering). */
    private void sync(HttpsExchange exchange, String agent) throws IOException {
        SyncRequest request = json.readValue(body(exchange), SyncRequest.class);
        syncs.add(request);
        long through;
        synchronized (this) {
            long highest = highestSeqs.getOrDefault(agent, 0L);
            for (SyncItem item : request.items()) {
                if (item.seq() > highest) {
                    stored.add(item);
                    highest = item.seq();
                }
            }
            highestSeqs.put(agent, highest);
            through = highest;
        }
        if (loseAnswers > 0) {
            loseAnswers--;
            // closing the exchange before any answer closes the connection: the agent never hears it stored
            return;
        }
        List<Instruction> open;
        synchronized (instructions) {
            open = List.copyOf(instructions);
        }
        send(exchange, 200, new SyncResponse(deviceId, through, List.<ItemNotice>of(), open, askFullInventory, 300,
                askRenewal, serverTime == null ? Instant.now() : serverTime, policies));
    }

    private static X509Certificate clientCertificate(HttpsExchange exchange) {
        try {
            Certificate[] chain = exchange.getSSLSession().getPeerCertificates();
            return chain.length == 0 ? null : (X509Certificate) chain[0];
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private byte[] body(HttpsExchange exchange) throws IOException {
        InputStream in = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            gzippedRequests.incrementAndGet();
            in = new GZIPInputStream(in);
        }
        return in.readAllBytes();
    }

    private void problem(HttpsExchange exchange, int status, String code) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", code);
        problem.put("status", status);
        problem.put("detail", "test gateway says " + code);
        problem.put("code", code);
        byte[] bytes = json.writeValueAsBytes(problem);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void send(HttpsExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
