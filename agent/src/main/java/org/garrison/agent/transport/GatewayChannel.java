package org.garrison.agent.transport;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.util.Timeout;
import org.garrison.agent.identity.GatewayTls;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One kept-alive HTTPS connection to the gateway (an agent has one for syncs and one for the wake channel).
 * Requests run on the caller's thread: the client starts no thread of its own, so a simulator can hold thousands.
 * Bodies over 1 KiB are sent gzipped; error answers become {@link GatewayRefusal}s with the protocol's code.
 */
public final class GatewayChannel implements Closeable {

    /** The largest answer read: the gateway's answers are small, so a bigger one is not the gateway. */
    static final int MAX_ANSWER_BYTES = 16 * 1024 * 1024;

    private static final int GZIP_ABOVE_BYTES = 1024;
    private static final ContentType JSON = ContentType.APPLICATION_JSON;

    private final URI server;
    private final GatewayTls tls;
    private final ObjectMapper json;
    private final String userAgent;
    private final BasicHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    /**
     * @param server      the gateway, e.g. {@code https://garrison.example.com:13000}
     * @param readTimeout the longest wait for an answer (the wake channel waits longer than a sync)
     */
    public GatewayChannel(URI server, GatewayTls tls, ObjectMapper json, String userAgent, Duration connectTimeout,
            Duration readTimeout) {
        if (!"https".equalsIgnoreCase(server.getScheme()) || server.getHost() == null) {
            throw new IllegalArgumentException("The server address must be an https:// URL, not " + server);
        }
        this.server = server;
        this.tls = tls;
        this.json = json;
        this.userAgent = userAgent;
        TlsSocketStrategy strategy = new DefaultClientTlsStrategy(tls.context(), new String[] {"TLSv1.3", "TLSv1.2"},
                null, SSLBufferMode.STATIC, HostnameVerificationPolicy.CLIENT, NoopHostnameVerifier.INSTANCE);
        this.connections = BasicHttpClientConnectionManager.create(
                RegistryBuilder.<TlsSocketStrategy>create().register("https", strategy).build());
        connections.setConnectionConfig(ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(connectTimeout))
                .setSocketTimeout(Timeout.of(readTimeout))
                .build());
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(userAgent)
                .build();
    }

    /** POSTs {@code body} as JSON to {@code path} and reads the answer as {@code answerType}. */
    public <T> T post(String path, Object body, Class<T> answerType) throws GatewayException {
        byte[] bytes;
        try {
            bytes = body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("The request cannot be written as JSON", e);
        }
        HttpPost request = new HttpPost(server.resolve(path));
        request.setEntity(entity(bytes));
        return execute(request, answerType);
    }

    /** GETs {@code path} (with its query) and reads the answer as {@code answerType}. */
    public <T> T get(String path, Class<T> answerType) throws GatewayException {
        return execute(new HttpGet(server.resolve(path)), answerType);
    }

    /** The gateway this channel talks to. */
    public URI server() {
        return server;
    }

    /** The User-Agent this channel sends. */
    public String userAgent() {
        return userAgent;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }

    private static HttpEntity entity(byte[] bytes) {
        if (bytes.length <= GZIP_ABOVE_BYTES) {
            return new ByteArrayEntity(bytes, JSON);
        }
        ByteArrayOutputStream zipped = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(zipped, 8192)) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Compressing in memory failed", e);
        }
        return new ByteArrayEntity(zipped.toByteArray(), JSON, "gzip");
    }

    private <T> T execute(HttpUriRequestBase request, Class<T> answerType) throws GatewayException {
        request.setHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json");
        try {
            return client.execute(request, response -> {
                byte[] answer = read(response.getEntity());
                int status = response.getCode();
                if (status >= 200 && status < 300) {
                    return new Answer<>(json.readValue(answer, answerType), null);
                }
                return new Answer<T>(null, refusal(status, answer, response.getFirstHeader(HttpHeaders.RETRY_AFTER)));
            }).unwrap();
        } catch (SSLException e) {
            var refusal = tls.trust().lastRefusal();
            if (refusal.isPresent()) {
                throw new ServerNotTrustedException(refusal.get());
            }
            throw new GatewayUnreachableException("The TLS connection to " + server + " failed: " + e.getMessage(), e);
        } catch (JacksonException e) {
            throw new GatewayUnreachableException("The answer of " + server + " is not the gateway's JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new GatewayUnreachableException("The gateway " + server + " cannot be reached: " + e, e);
        }
    }

    private static byte[] read(HttpEntity entity) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        try (InputStream in = entity.getContent()) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("The answer is larger than " + MAX_ANSWER_BYTES + " bytes");
            }
            return bytes;
        }
    }

    private GatewayRefusal refusal(int status, byte[] body, Header retryAfterHeader) {
        String code = "http-" + status;
        String detail = null;
        List<GatewayRefusal.FieldProblem> errors = new ArrayList<>();
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.isObject()) {
                code = problem.path("code").isTextual() ? problem.get("code").asText() : code;
                detail = problem.path("detail").isTextual() ? problem.get("detail").asText()
                        : problem.path("title").isTextual() ? problem.get("title").asText() : null;
                for (JsonNode error : problem.path("errors")) {
                    errors.add(new GatewayRefusal.FieldProblem(error.path("field").asText(),
                            error.path("message").asText()));
                }
            }
        } catch (IOException e) {
            // not a problem report (a proxy's page): the status says enough
        }
        return new GatewayRefusal(status, code, detail, retryAfter(retryAfterHeader), errors);
    }

    private static Duration retryAfter(Header header) {
        if (header == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(header.getValue().strip());
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            // the HTTP-date form: the gateway never sends it; fall back to the agent's own back-off
            return null;
        }
    }

    /** A parsed answer or the refusal, carried out of the response handler (which may throw only IOException). */
    private record Answer<T>(T value, GatewayRefusal refusal) {
        T unwrap() throws GatewayRefusal {
            if (refusal != null) {
                throw refusal;
            }
            return value;
        }
    }
}
