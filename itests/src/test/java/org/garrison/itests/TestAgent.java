package org.garrison.itests;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.garrison.api.agent.CertificateGrant;
import org.garrison.api.agent.EnrollRequest;
import org.garrison.api.agent.HostFacts;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.device.OsType;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A minimal Network Agent written from docs/agent-protocol.md alone, as a vendor of another agent would: it
 * generates its key and CSR, trusts the gateway through the token's CA pin, then syncs over mutual TLS. The tests
 * use it to drive the gateway precisely (replays, oversize batches, foreign devices) where the real agent would
 * never misbehave.
 */
final class TestAgent {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String gateway;
    private final String hardwareId;
    private final KeyPair keys;
    private HttpClient client;
    private SSLContext tls;
    private CertificateGrant grant;

    TestAgent(String gateway, String hardwareId) throws Exception {
        this.gateway = gateway;
        this.hardwareId = hardwareId;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        this.keys = generator.generateKeyPair();
    }

    /** {@code POST /agent/v1/enroll}, trusting the gateway only through the token's CA pin. */
    HttpResponse<String> enroll(String token) throws Exception {
        String pin = token.substring(token.lastIndexOf('.') + 1);
        HttpClient firstContact = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(sslContext(null, new PinnedAuthority(pin))).build();
        EnrollRequest request = new EnrollRequest(token, csr(), hardwareId,
                new HostFacts("itest-" + hardwareId, "example.test", OsType.LINUX, "Test OS", "x86_64", "0.0.1-test"));
        HttpResponse<String> response = firstContact.send(post("/agent/v1/enroll", JSON.writeValueAsString(request)),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            grant = JSON.readValue(response.body(), CertificateGrant.class);
            tls = sslContext(keyStore(), new PinnedAuthority(pin));
            client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(tls).build();
        }
        return response;
    }

    String hardwareId() {
        return hardwareId;
    }

    CertificateGrant grant() {
        return grant;
    }

    /** {@code POST /agent/v1/sync} with the agent's certificate. */
    HttpResponse<String> sync(SyncRequest request) throws Exception {
        return sync(JSON.writeValueAsString(request));
    }

    /**
     * {@code POST /agent/v1/sync} as the protocol asks of an agent: a {@code 429} or {@code 503} answer is retried
     * after the seconds its {@code Retry-After} names, for up to a minute.
     */
    HttpResponse<String> syncHonouringRetryAfter(SyncRequest request) throws Exception {
        String body = JSON.writeValueAsString(request);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            HttpResponse<String> answer = sync(body);
            boolean later = answer.statusCode() == 429 || answer.statusCode() == 503;
            if (!later || System.nanoTime() > deadline) {
                return answer;
            }
            long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(1, seconds) * 1000);
        }
    }

    /** {@code POST /agent/v1/sync} with any body, to check how the gateway treats bad ones. */
    HttpResponse<String> sync(String body) throws Exception {
        return client.send(post("/agent/v1/sync", body), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends only the headers of a sync whose body would be {@code contentLength} bytes, asking the gateway to accept
     * them first ({@code Expect: 100-continue}) as a client with a large body should, and returns the status line
     * the gateway answers with. (The JDK 17 HTTP client cannot do this: it waits forever when the answer to
     * {@code Expect: 100-continue} is a refusal.)
     */
    String syncHeadersOnly(long contentLength) throws Exception {
        URI uri = URI.create(gateway);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) tls.getSocketFactory()
                .createSocket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            String head = "POST /agent/v1/sync HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength
                    + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder statusLine = new StringBuilder();
            int next;
            while ((next = socket.getInputStream().read()) != -1 && next != '\n') {
                statusLine.append((char) next);
            }
            return statusLine.toString().trim();
        }
    }

    /** A sync sent without any client certificate (but trusting the gateway). */
    HttpResponse<String> syncWithoutCertificate(String pin) throws Exception {
        HttpClient anonymous = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .sslContext(sslContext(null, new PinnedAuthority(pin))).build();
        return anonymous.send(post("/agent/v1/sync", "{\"items\":[]}"), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest post(String path, String body) {
        return HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").header("User-Agent", "garrison-itest-agent/1")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String csr() throws Exception {
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=itest"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(request);
        }
        return pem.toString();
    }

    private KeyStore keyStore() throws Exception {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> chain = new ArrayList<>();
        chain.add((X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(grant.certificate().getBytes(StandardCharsets.US_ASCII))));
        for (String pem : grant.caChain()) {
            chain.add((X509Certificate) factory.generateCertificate(
                    new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("agent", keys.getPrivate(), new char[0], chain.toArray(X509Certificate[]::new));
        return store;
    }

    private static SSLContext sslContext(KeyStore keyStore, X509TrustManager trust) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        KeyManagerFactory keyManagers = null;
        if (keyStore != null) {
            keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keyManagers.init(keyStore, new char[0]);
        }
        context.init(keyManagers == null ? null : keyManagers.getKeyManagers(), new TrustManager[] {trust},
                new SecureRandom());
        return context;
    }

    /** Trusts a server chain that contains the pinned CA and whose leaf it signed, as the protocol prescribes. */
    private static final class PinnedAuthority implements X509TrustManager {

        private final String pin;

        PinnedAuthority(String pin) {
            this.pin = pin;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            try {
                for (X509Certificate candidate : chain) {
                    String digest = Base64.getUrlEncoder().withoutPadding().encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(candidate.getEncoded()));
                    if (digest.equals(pin)) {
                        chain[0].verify(candidate.getPublicKey());
                        chain[0].checkValidity();
                        if (chain[0].getExtendedKeyUsage() == null
                                || !chain[0].getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1")) {
                            throw new java.security.cert.CertificateException("the gateway's certificate lacks serverAuth");
                        }
                        return;
                    }
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new java.security.cert.CertificateException(e);
            }
            throw new java.security.cert.CertificateException("no certificate of the chain matches the CA pin");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("a client trust manager only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
