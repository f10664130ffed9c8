package org.garrison.gateway.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.RenewRequest;
import org.garrison.gateway.internal.AgentDirectory;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.Enrollment;
import org.garrison.gateway.internal.GatewayRefusal;
import org.garrison.gateway.internal.instructions.TestWakeChannels;
import org.garrison.gateway.internal.instructions.WakeChannel;
import org.garrison.gateway.internal.sync.SyncService;
import org.garrison.gateway.internal.sync.TestBed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The real gateway port on a free port, with a test certificate authority, driven over mutual TLS by the JDK's HTTP
 * client.
 */
class AgentGatewayServerTest {

    private static final String JSON = "application/json";

    private final TestBed bed = new TestBed();
    private final TestCertificates authority;
    private final Map<String, AgentIdentity> agentsByName = new ConcurrentHashMap<>();
    private final GatewaySettings settings = new GatewaySettings(true, "127.0.0.1", 0, 300, 20, 1 << 20, 1000, 2, 10,
            100, 240, 0, 10, 7, 5, 5);
    private final SyncService syncs = bed.syncService(settings);
    private final WakeChannel wake = TestWakeChannels.create(bed, settings);
    private final AgentGatewayServer server;
    private final AgentJson json = new AgentJson();

    AgentGatewayServerTest() throws Exception {
        authority = new TestCertificates("Test agent CA");
        server = new AgentGatewayServer(authority.credentials(), new Directory(), new TestEnrollment(), syncs, wake,
                settings);
    }

    @AfterEach
    void stop() {
        server.deactivate();
        TestBed.stop(syncs);
        TestWakeChannels.stop(wake);
    }

    /** Agents by the common name of their certificate, as the real directory finds them. */
    private final class Directory implements AgentDirectory {

        @Override
        public AgentIdentity authenticate(X509Certificate certificate, boolean allowPending) {
            String name = certificate.getSubjectX500Principal().getName().replace("CN=", "");
            AgentIdentity agent = agentsByName.get(name);
            if (agent == null) {
                throw new GatewayRefusal(403, "certificate-revoked", "unknown certificate");
            }
            return bed.reloaded(agent);
        }

        @Override
        public void forget(UUID agentId) {
            // nothing cached
        }
    }

    private static final class TestEnrollment implements Enrollment {

        @Override
        public CertificateGrant enroll(EnrollRequest request, String remoteAddress) {
            if (!"ge1.good".equals(request.token())) {
                throw new GatewayRefusal(403, "token-refused", "The enrollment token is unknown");
            }
            return new CertificateGrant(UUID.randomUUID(), AgentState.ACTIVE, "cert", List.of("ca"),
                    Instant.parse("2027-11-26T00:00:00Z"), Instant.parse("2027-10-26T00:00:00Z"), 300);
        }

        @Override
        public CertificateGrant renew(AgentIdentity agent, RenewRequest request) {
            return new CertificateGrant(agent.agentId(), AgentState.ACTIVE, "renewed", List.of("ca"),
                    Instant.parse("2027-11-26T00:00:00Z"), Instant.parse("2027-10-26T00:00:00Z"), 300);
        }
    }

    private HttpClient client(TestCertificates.Issued certificate) throws Exception {
        SSLContext context = authority.client(certificate);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private TestCertificates.Issued enrolledAgent() throws Exception {
        AgentIdentity agent = bed.enroll(AgentState.ACTIVE);
        agentsByName.put(agent.agentId().toString(), agent);
        return authority.agent(agent.agentId().toString());
    }

    private URI uri(String path) {
        return URI.create("https://localhost:" + server.localPort() + path);
    }

    private HttpResponse<String> post(HttpClient client, String path, String contentType, byte[] body,
            String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line answering the headers of a sync that declares one byte more than the limit, and no body. */
    private String declaredOversize(SSLContext context) throws Exception {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", server.localPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /agent/v1/sync HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + JSON
                    + "\r\nContent-Length: " + ((1 << 20) + 1) + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void enrollmentIsReachableWithoutACertificate() throws Exception {
        HttpClient anonymous = client(null);
        String body = "{\"token\":\"ge1.good\",\"csr\":\"x\",\"hardwareId\":\"hw\",\"unknownMember\":1}";
        HttpResponse<String> granted = post(anonymous, "/agent/v1/enroll", JSON, utf8(body));
        assertEquals(200, granted.statusCode(), granted.body());
        assertTrue(granted.body().contains("\"state\":\"ACTIVE\""), granted.body());
        assertTrue(granted.body().contains("\"expiresAt\":\"2027-11-26T00:00:00Z\""), granted.body());

        HttpResponse<String> refused = post(anonymous, "/agent/v1/enroll", JSON, utf8("{\"token\":\"ge1.bad\"}"));
        assertEquals(403, refused.statusCode());
        assertEquals(AgentProblem.MEDIA_TYPE, refused.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(refused.body().contains("\"code\":\"token-refused\""), refused.body());
    }

    @Test
    void syncWithoutACertificateIs401() throws Exception {
        HttpResponse<String> answer = post(client(null), "/agent/v1/sync", JSON, utf8("{\"items\":[]}"));
        assertEquals(401, answer.statusCode());
        assertTrue(answer.body().contains("\"code\":\"certificate-required\""), answer.body());
        assertEquals(0, bed.devices.count());
    }

    @Test
    void anAgentWithItsCertificateSyncsAndGzipBodiesAreAccepted() throws Exception {
        HttpClient agent = client(enrolledAgent());
        HttpResponse<String> first = post(agent, "/agent/v1/sync", "application/json; charset=utf-8",
                utf8("{\"items\":[],\"agentVersion\":\"0.1.0\",\"later\":{\"member\":true}}"));
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains("\"storedThrough\":0"), first.body());
        assertTrue(first.body().contains("\"fullInventory\":true"), first.body());

        String events = "{\"items\":[{\"seq\":1,\"kind\":\"EVENTS\",\"events\":[{\"id\":\"" + UUID.randomUUID()
                + "\",\"occurredAt\":\"2026-11-26T16:01:02Z\",\"source\":\"core\",\"type\":\"agent-started\","
                + "\"severity\":\"INFO\"}]}]}";
        HttpResponse<String> second = post(agent, "/agent/v1/sync", JSON, RequestBodyTest.gzip(utf8(events)),
                "Content-Encoding", "gzip");
        assertEquals(200, second.statusCode(), second.body());
        assertTrue(second.body().contains("\"storedThrough\":1"), second.body());
        assertEquals(1, bed.events.count());
    }

    @Test
    void badRequestsGetTheProtocolsProblemAnswers() throws Exception {
        TestCertificates.Issued certificate = enrolledAgent();
        HttpClient agent = client(certificate);
        HttpResponse<String> malformed = post(agent, "/agent/v1/sync", JSON, utf8("{\"items\": [1, "));
        assertEquals(400, malformed.statusCode());
        assertTrue(malformed.body().contains("\"code\":\"malformed\""), malformed.body());

        HttpResponse<String> wrongType = post(agent, "/agent/v1/sync", JSON,
                utf8("{\"items\":[{\"seq\":1,\"kind\":\"EVENTS\",\"events\":[{\"severity\":3}]}]}"));
        assertEquals(400, wrongType.statusCode());
        assertTrue(wrongType.body().contains("\"code\":\"malformed\""), wrongType.body());

        HttpResponse<String> invalid = post(agent, "/agent/v1/sync", JSON,
                utf8("{\"items\":[{\"seq\":1,\"kind\":\"EVENTS\",\"events\":[]}]}"));
        assertEquals(400, invalid.statusCode());
        assertTrue(invalid.body().contains("\"field\":\"items[0].events\""), invalid.body());

        HttpResponse<String> notJson = post(agent, "/agent/v1/sync", "text/plain", utf8("hello"));
        assertEquals(415, notJson.statusCode());

        HttpResponse<String> unknown = post(agent, "/agent/v1/nothing", JSON, utf8("{}"));
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.body().contains("\"code\":\"not-found\""), unknown.body());

        HttpResponse<String> wrongMethod = agent.send(HttpRequest.newBuilder(uri("/agent/v1/sync")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("POST", wrongMethod.headers().firstValue("Allow").orElseThrow());

        HttpResponse<String> bomb = post(agent, "/agent/v1/sync", JSON, RequestBodyTest.bomb(16 << 20),
                "Content-Encoding", "gzip");
        assertEquals(413, bomb.statusCode());
        assertTrue(bomb.body().contains("\"code\":\"too-large\""), bomb.body());

        // refused from its declared length, before the body is read: a client that sent the body at once may see
        // the connection closed under it, so ask as a client waiting for 100-continue does
        assertTrue(declaredOversize(authority.client(certificate)).startsWith("HTTP/1.1 413"));
        assertEquals(0, bed.devices.count(), "none of these created anything");
    }

    @Test
    void anUnknownCertificateIsRefusedOnEveryRequest() throws Exception {
        HttpClient stranger = client(authority.agent(UUID.randomUUID().toString()));
        HttpResponse<String> answer = post(stranger, "/agent/v1/sync", JSON, utf8("{\"items\":[]}"));
        assertEquals(403, answer.statusCode());
        assertTrue(answer.body().contains("\"code\":\"certificate-revoked\""), answer.body());
    }

    @Test
    void aCertificateOfAnotherAuthorityIsNeverAccepted() throws Exception {
        TestCertificates other = new TestCertificates("Someone else's CA");
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(other.agent("intruder").store(), "test-password".toCharArray());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", authority.ca);
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
        HttpClient intruder = HttpClient.newBuilder().sslContext(context).build();
        // the gateway asks only for certificates of its own authority, so the JDK's client withholds the foreign one;
        // a client that sends it anyway fails the handshake
        try {
            HttpResponse<String> answer = post(intruder, "/agent/v1/sync", JSON, utf8("{\"items\":[]}"));
            assertEquals(401, answer.statusCode());
        } catch (IOException handshakeFailed) {
            assertTrue(handshakeFailed.getMessage() != null);
        }
        assertEquals(0, bed.devices.count());
    }

    @Test
    void theWakeChannelAnswersWhenTheDeviceIsAskedToSyncAndAtItsTimeout() throws Exception {
        TestCertificates.Issued certificate = enrolledAgent();
        HttpClient agent = client(certificate);
        HttpResponse<String> first = post(agent, "/agent/v1/sync", JSON, utf8("{\"items\":[]}"));
        assertEquals(200, first.statusCode(), first.body());
        UUID device = bed.deviceOf(agentsByName.values().iterator().next().agentId());

        HttpResponse<String> quiet = agent.send(HttpRequest.newBuilder(uri("/agent/v1/wake?timeout=1")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, quiet.statusCode(), quiet.body());
        assertEquals("{\"sync\":false,\"within\":0}", quiet.body());

        CompletableFuture<HttpResponse<String>> polling = agent.sendAsync(HttpRequest.newBuilder(
                uri("/agent/v1/wake?timeout=60")).GET().build(), HttpResponse.BodyHandlers.ofString());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (wake.openPolls() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(1, wake.wake(List.of(device)));
        HttpResponse<String> woken = polling.get(10, TimeUnit.SECONDS);
        assertEquals("{\"sync\":true,\"within\":0}", woken.body());

        HttpResponse<String> badTimeout = agent.send(HttpRequest.newBuilder(uri("/agent/v1/wake?timeout=900")).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badTimeout.statusCode());
    }

    @Test
    void renewalNeedsACertificateButAllowsAPendingAgent() throws Exception {
        HttpResponse<String> anonymous = post(client(null), "/agent/v1/renew", JSON, utf8("{\"csr\":\"x\"}"));
        assertEquals(401, anonymous.statusCode());
        HttpResponse<String> renewed = post(client(enrolledAgent()), "/agent/v1/renew", JSON, utf8("{\"csr\":\"x\"}"));
        assertEquals(200, renewed.statusCode(), renewed.body());
        assertTrue(renewed.body().contains("\"certificate\":\"renewed\""), renewed.body());
    }
}
