package org.garrison.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/**
 * A plain HTTP client for the server's REST API, as any third-party tool would use it: anonymous, signed in with a
 * session (cookie plus CSRF token, as the console does) or with an API token.
 */
final class Api {

    /** The password the test containers give the first admin account (see {@link GarrisonContainer}). */
    static final String ADMIN_PASSWORD = "Itest-pass-phrase-2026";

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SESSION_COOKIE = Pattern.compile("GARRISON_SESSION=([^;]*)");
    private static final Pattern CSRF_TOKEN = Pattern.compile("\"csrfToken\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;
    private final String adminPassword;
    private volatile String sessionCookie;
    private volatile String csrfToken;
    private volatile String bearerToken;

    private Api(HttpClient client, String base, String adminPassword) {
        this.client = client;
        this.base = base;
        this.adminPassword = adminPassword;
    }

    Api(String base) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), base, null);
    }

    Api(String base, SSLContext ssl) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).sslContext(ssl).build(), base, null);
    }

    /** The local server, as the first admin: signs in on the first call that needs it. */
    static Api local() {
        return new Api(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), localBase(),
                ADMIN_PASSWORD);
    }

    /** The local server, with no credentials at all. */
    static Api anonymous() {
        return new Api(localBase());
    }

    static String localBase() {
        return "http://127.0.0.1:" + System.getProperty(GarrisonContainer.HTTP_PORT);
    }

    /** Another client of the same server and connection pool, with no credentials. */
    Api anonymousClient() {
        return new Api(client, base, null);
    }

    /** Another client of the same server that sends this API token. */
    Api withToken(String token) {
        Api api = new Api(client, base, null);
        api.bearerToken = token;
        return api;
    }

    String base() {
        return base;
    }

    /**
     * Signs in with a session, waiting up to a minute for the sign-in endpoint to come up after boot.
     *
     * @return the answer of {@code POST /api/v1/session}
     */
    HttpResponse<String> signIn(String login, String password) throws InterruptedException {
        String body = "{\"login\":" + Json.quote(login) + ",\"password\":" + Json.quote(password) + "}";
        Instant deadline = Instant.now().plusSeconds(60);
        HttpResponse<String> response;
        do {
            response = raw(HttpRequest.newBuilder(URI.create(base + "/api/v1/session"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build());
            if (response.statusCode() != 404 && response.statusCode() != 503) {
                break;
            }
            Thread.sleep(250);
        } while (Instant.now().isBefore(deadline));
        if (response.statusCode() == 201) {
            sessionCookie = response.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                    .filter(Matcher::find).map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie in the sign-in answer"));
            Matcher csrf = CSRF_TOKEN.matcher(response.body());
            if (!csrf.find()) {
                throw new AssertionError("no csrfToken in the sign-in answer: " + response.body());
            }
            csrfToken = csrf.group(1);
        }
        return response;
    }

    /** Forgets the session and token, without signing out on the server. */
    void forgetCredentials() {
        sessionCookie = null;
        csrfToken = null;
        bearerToken = null;
    }

    String sessionCookie() {
        return sessionCookie;
    }

    String csrfToken() {
        return csrfToken;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    HttpResponse<String> delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> postJson(String path, String body) {
        return post(path, "application/json", body);
    }

    HttpResponse<String> putJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpResponse<String> patchJson(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Sends the request with this client's credentials (signing in first if it is the admin client). */
    HttpResponse<String> send(HttpRequest.Builder builder) {
        HttpRequest request = builder.timeout(Duration.ofSeconds(30)).build();
        if (adminPassword != null && sessionCookie == null && !isPublic(request)) {
            signInAsAdmin();
        }
        HttpRequest.Builder withCredentials = HttpRequest.newBuilder(request, (name, value) -> true);
        if (bearerToken != null) {
            withCredentials.header("Authorization", "Bearer " + bearerToken);
        }
        if (sessionCookie != null) {
            withCredentials.header("Cookie", "GARRISON_SESSION=" + sessionCookie);
            if (UNSAFE.contains(request.method())) {
                withCredentials.header("X-CSRF-Token", csrfToken);
            }
        }
        return raw(withCredentials.build());
    }

    private void signInAsAdmin() {
        try {
            HttpResponse<String> response = signIn("admin", adminPassword);
            if (response.statusCode() != 201) {
                throw new AssertionError("the admin could not sign in: " + response.statusCode() + " "
                        + response.body());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isPublic(HttpRequest request) {
        String path = request.uri().getPath();
        return path.equals("/api/v1/health") || path.equals("/api/v1/openapi.json") || path.startsWith("/console")
                || path.equals("/api/v1/session") && request.method().equals("POST");
    }

    /**
     * Sends the request; an answer of the JAX-RS whiteboard while it redeploys the application (a resource of a
     * bundle that just started was added; "No service was found", before any resource saw the request) is sent again
     * for up to five seconds. The ServerIT's echo test shows the window; plugins (issue 7) will need it gone.
     */
    private HttpResponse<String> raw(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            for (int retry = 0; retry < 20 && isRedeploying(response); retry++) {
                Thread.sleep(250);
                response = client.send(request, HttpResponse.BodyHandlers.ofString());
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException("Request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean isRedeploying(HttpResponse<String> response) {
        return response.statusCode() == 404 && response.body().contains("No service was found");
    }

    /** Waits until a GET of the path answers the status, failing after the timeout. */
    HttpResponse<String> awaitStatus(String path, int status, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpResponse<String> last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                last = get(path);
                if (last.statusCode() == status) {
                    return last;
                }
            } catch (IllegalStateException notYetListening) {
                // the connector is not open yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("GET " + path + " did not answer " + status + " within " + timeout + "; last: "
                + (last == null ? "no answer" : last.statusCode() + " " + last.body()));
    }
}
