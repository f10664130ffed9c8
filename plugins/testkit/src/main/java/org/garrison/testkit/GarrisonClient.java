package org.garrison.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A client of a Garrison server's REST API, as a vendor's test or an admin's script uses it: anonymous, signed in
 * with a session (cookie, plus the CSRF token on every state-changing call, as the console does) or with an API token
 * ({@code Authorization: Bearer}). Instances are immutable and thread-safe; {@link #signIn} and {@link #withToken}
 * return new clients that share the connection pool.
 *
 * <p>Paths start with {@code /}. Paths below {@code /api/} or {@code /console/} are taken as they are; any other is
 * below {@code /api/v1}: {@code get("/plugins")} calls {@code /api/v1/plugins}. Bodies are JSON: a {@link String} is
 * sent as it is (it must be JSON text), anything else (maps, lists, records) is serialised with Jackson.
 *
 * <p>Every answer comes back as an {@link ApiResponse}, refusals included: check it with
 * {@link ApiResponse#expect(int)} or read its {@link ApiResponse#problem()}.
 */
public final class GarrisonClient {

    /** The longest a single call may take. */
    public static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern SESSION_COOKIE = Pattern.compile("GARRISON_SESSION=([^;]*)");
    private static final Duration SIGN_IN_WAIT = Duration.ofSeconds(90);
    private static final Duration REDEPLOY_WAIT = Duration.ofSeconds(5);

    private final HttpClient http;
    private final URI base;
    private final Credentials credentials;

    private record Credentials(String sessionCookie, String csrfToken, String bearerToken) {
        static final Credentials NONE = new Credentials(null, null, null);
    }

    private GarrisonClient(HttpClient http, URI base, Credentials credentials) {
        this.http = http;
        this.base = base;
        this.credentials = credentials;
    }

    /**
     * An anonymous client of the server at the base address ({@code https://host:port}), trusting the JDK's default
     * certificate authorities.
     */
    public static GarrisonClient connect(URI base) {
        return new GarrisonClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                withoutTrailingSlash(base), Credentials.NONE);
    }

    /** An anonymous client of the server at the base address, trusting what the TLS context trusts. */
    public static GarrisonClient connect(URI base, SSLContext ssl) {
        return new GarrisonClient(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(ssl)
                .build(), withoutTrailingSlash(base), Credentials.NONE);
    }

    /** The server's base address, e.g. {@code https://localhost:40123}. */
    public URI base() {
        return base;
    }

    /**
     * Signs in with a session ({@code POST /api/v1/session}), waiting while the server is still starting (404, 503).
     *
     * @return a client that sends the session cookie and CSRF token
     * @throws TestKitException when the server refuses the sign-in
     */
    public GarrisonClient signIn(String login, String password) {
        String body = Json.text(Map.of("login", login, "password", password));
        ApiResponse answer = Waiting.until("the sign-in of " + login, SIGN_IN_WAIT, () -> {
            ApiResponse response = anonymous().send("POST", "/session", body);
            return response.status() == 404 || response.status() == 503 ? Optional.empty() : Optional.of(response);
        }, () -> "404 or 503");
        if (answer.status() != 201) {
            throw new TestKitException("The sign-in of " + login + " was refused: " + answer.describe());
        }
        String cookie = answer.headers().allValues("Set-Cookie").stream().map(SESSION_COOKIE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).findFirst()
                .orElseThrow(() -> new TestKitException("The sign-in answer has no session cookie"));
        String csrf = answer.json().path("csrfToken").asText(null);
        if (csrf == null) {
            throw new TestKitException("The sign-in answer has no csrfToken: " + answer.body());
        }
        JsonNode pending = answer.json().path("pendingSteps");
        if (pending.size() > 0) {
            throw new TestKitException("The account " + login + " must first complete " + pending
                    + " (choose the admin password before the first start to avoid CHANGE_PASSWORD)");
        }
        return new GarrisonClient(http, base, new Credentials(cookie, csrf, null));
    }

    /** A client that sends the API token ({@code Authorization: Bearer}) instead of any session. */
    public GarrisonClient withToken(String token) {
        return new GarrisonClient(http, base, new Credentials(null, null, token));
    }

    /** A client of the same server without any credentials. */
    public GarrisonClient anonymous() {
        return new GarrisonClient(http, base, Credentials.NONE);
    }

    /**
     * Creates a personal API token of the signed-in account ({@code POST /api/v1/tokens}; needs a session).
     *
     * @return the token's secret, shown by the server only in this answer
     */
    public String createApiToken(String name) {
        JsonNode token = post("/tokens", Map.of("name", name)).expectJson(201);
        return token.path("token").asText();
    }

    /** {@code GET path}. */
    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    /** {@code POST path} with a JSON body ({@code null} for none). */
    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    /** {@code PUT path} with a JSON body. */
    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    /** {@code DELETE path}. */
    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    /**
     * Sends a JSON call.
     *
     * @param body the JSON body (text as it is, anything else serialised), or {@code null} for none
     */
    public ApiResponse send(String method, String path, Object body) {
        byte[] bytes = body == null ? new byte[0] : Json.text(body).getBytes(StandardCharsets.UTF_8);
        return send(method, path, "application/json", bytes);
    }

    /**
     * Sends a call with any body, e.g. a JAR ({@code application/java-archive}). While the server's REST whiteboard
     * redeploys an application (a plugin's resource came or went), it can answer {@code 404 No service was found}
     * for a moment: such an answer is sent again for up to five seconds.
     */
    public ApiResponse send(String method, String path, String contentType, byte[] body) {
        URI uri = resolve(path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(CALL_TIMEOUT)
                .header("Accept", "application/json, application/problem+json;q=0.9, */*;q=0.1");
        boolean hasBody = body != null && (body.length > 0 || UNSAFE.contains(method));
        if (hasBody) {
            request.header("Content-Type", contentType);
        }
        request.method(method, hasBody ? HttpRequest.BodyPublishers.ofByteArray(body)
                : HttpRequest.BodyPublishers.noBody());
        if (credentials.bearerToken() != null) {
            request.header("Authorization", "Bearer " + credentials.bearerToken());
        }
        if (credentials.sessionCookie() != null) {
            request.header("Cookie", "GARRISON_SESSION=" + credentials.sessionCookie());
            if (UNSAFE.contains(method)) {
                request.header("X-CSRF-Token", credentials.csrfToken());
            }
        }
        HttpRequest built = request.build();
        HttpResponse<String> answer = exchange(built);
        long deadline = System.nanoTime() + REDEPLOY_WAIT.toNanos();
        while (isRedeploying(answer) && System.nanoTime() - deadline < 0) {
            Waiting.pause();
            answer = exchange(built);
        }
        String shown = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new ApiResponse(method, shown, answer.statusCode(), answer.headers(), answer.body());
    }

    /**
     * Calls {@code GET path} until the answer meets the condition: for what the server does asynchronously (a
     * plugin's resources appearing, data an agent sent arriving in a plugin's tables).
     *
     * @throws TestKitException with the last answer when the timeout passes first
     */
    public ApiResponse await(String path, Predicate<ApiResponse> condition, Duration timeout) {
        ApiResponse[] last = new ApiResponse[1];
        return Waiting.until("GET " + path + " to answer as expected", timeout, () -> {
            try {
                last[0] = get(path);
            } catch (TestKitException notListening) {
                return Optional.empty();
            }
            return condition.test(last[0]) ? Optional.of(last[0]) : Optional.empty();
        }, () -> last[0] == null ? "no answer" : last[0].describe());
    }

    /** Calls {@code GET path} until it answers the status. */
    public ApiResponse awaitStatus(String path, int status, Duration timeout) {
        return await(path, answer -> answer.status() == status, timeout);
    }

    /**
     * Uploads a plugin JAR ({@code POST /api/v1/plugins}, raw body) and returns once the server has settled it:
     * installed or upgraded and {@code active}, {@code refused} with the reason, or not accepted at all (a 4xx with
     * the problem). Needs {@code plugins.write}.
     */
    public PluginInstallation installPlugin(Path jar) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(jar);
        } catch (IOException e) {
            throw new TestKitException("Cannot read the plugin JAR " + jar + ": " + e.getMessage(), e);
        }
        String name = URLEncoder.encode(jar.getFileName().toString(), StandardCharsets.UTF_8);
        ApiResponse answer = send("POST", "/plugins?fileName=" + name, "application/java-archive", bytes);
        return PluginInstallation.of(answer);
    }

    /**
     * Uninstalls a plugin ({@code DELETE /api/v1/plugins/{id}}); with {@code purge} its tables and migration
     * history are dropped too.
     *
     * @throws AssertionError when the server does not answer 204
     */
    public void uninstallPlugin(String id, boolean purge) {
        delete("/plugins/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?purge=" + purge).expect(204);
    }

    URI resolve(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("A path starts with a single '/', e.g. /plugins: " + path);
        }
        String full = path.startsWith("/api/") || path.startsWith("/console/") ? path : "/api/v1" + path;
        return URI.create(base + full);
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TestKitException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestKitException("Interrupted during " + request.method() + " " + request.uri(), e);
        }
    }

    private static boolean isRedeploying(HttpResponse<String> answer) {
        return answer.statusCode() == 404 && answer.body().contains("No service was found");
    }

    private static URI withoutTrailingSlash(URI base) {
        String text = base.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }
}
