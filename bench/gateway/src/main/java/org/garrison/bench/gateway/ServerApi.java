package org.garrison.bench.gateway;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * The few admin REST calls the benchmark needs: sign in, create an enrollment token, count stored events. It
 * accepts the server's self-signed certificate (a load tool on the admin's own machine, never a product path).
 */
final class ServerApi {

    private static final Pattern COOKIE = Pattern.compile("GARRISON_SESSION=([^;]*)");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private String cookie;
    private String csrf;

    ServerApi(String base) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new AnyServer()}, new SecureRandom());
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        this.client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
        this.base = base.replaceAll("/+$", "");
    }

    void signIn(String login, String password) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"" + login + "\",\"password\":\"" + password
                        + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("sign-in failed: " + answer.statusCode() + " " + answer.body());
        }
        Matcher c = COOKIE.matcher(String.join(";", answer.headers().allValues("Set-Cookie")));
        Matcher t = CSRF.matcher(answer.body());
        if (!c.find() || !t.find()) {
            throw new IllegalStateException("no session in the sign-in answer");
        }
        cookie = c.group(1);
        csrf = t.group(1);
    }

    String createToken(int maxUses) throws Exception {
        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/enrollment-tokens")).header("Content-Type", "application/json")
                .header("Cookie", "GARRISON_SESSION=" + cookie).header("X-CSRF-Token", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"gateway bench " + Instant.now()
                        + "\",\"maxUses\":" + maxUses + "}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = TOKEN.matcher(answer.body());
        if (answer.statusCode() != 201 || !token.find()) {
            throw new IllegalStateException("token creation failed: " + answer.statusCode() + " " + answer.body());
        }
        return token.group(1);
    }

    /** The number of events stored that occurred in the window, counted from the CSV export. */
    long eventsBetween(Instant from, Instant to) throws Exception {
        String query = "from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8) + "&to="
                + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
        HttpResponse<InputStream> answer = client.send(HttpRequest.newBuilder(URI.create(base
                + "/api/v1/events/export.csv?" + query)).header("Cookie", "GARRISON_SESSION=" + cookie).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("event export failed: " + answer.statusCode());
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(answer.body(), StandardCharsets.UTF_8))) {
            return lines.lines().count() - 1;
        }
    }

    private static final class AnyServer implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
