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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Network Agent's local bridge as a managed application uses it (docs/agent-protocol.md, "The local bridge"), so
 * a vendor's test can play its application without writing HTTP code. Every call carries the secret from the
 * agent's {@code bridge.secret} file; the agent writes a new one at each start, so a {@code 401} reads the file again
 * and retries once.
 *
 * <p>Bodies are JSON: a {@link String} is sent as it is, anything else (maps, lists, records) serialised. A call the
 * bridge accepts ({@code 202}: the item is in the agent's durable outbox) returns normally; any other answer throws a
 * {@link BridgeException} with the status and the bridge's problem detail. {@link #send} returns any answer, for
 * tests of refusals.
 */
public final class BridgeClient {

    private final URI bridge;
    private final Path secretFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private volatile String secret;

    /**
     * @param bridge     the bridge's address, e.g. {@code http://127.0.0.1:13001}
     * @param secretFile the agent's {@code bridge.secret}
     */
    public BridgeClient(URI bridge, Path secretFile) {
        this.bridge = bridge;
        this.secretFile = secretFile;
    }

    /**
     * {@code PUT /bridge/v1/applications/{id}}: the application's own state on the device (an
     * {@code InstalledApplication}: name, version, state, protection, licence keys...). A plugin's tasks reach only
     * devices that have its application.
     */
    public void putApplication(String applicationId, Object state) {
        accepted(send("PUT", "/bridge/v1/applications/" + encode(applicationId), state));
    }

    /**
     * {@code POST /bridge/v1/application-data}: one report of a kind the plugin declares, for the plugin's
     * {@code ApplicationDataHandler}.
     *
     * @param data the report, a JSON object valid against the kind's schema
     */
    public void postApplicationData(String applicationId, String kind, Instant reportedAt, Object data) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("application", applicationId);
        report.put("kind", kind);
        report.put("reportedAt", reportedAt);
        report.put("data", data);
        accepted(send("POST", "/bridge/v1/application-data", report));
    }

    /** {@code POST /bridge/v1/events}: events whose {@code source} is the application id. */
    public void postEvents(List<?> events) {
        accepted(send("POST", "/bridge/v1/events", events));
    }

    /** {@code GET /bridge/v1/instructions?application=}: the application's instructions not answered yet. */
    public JsonNode instructions(String applicationId) {
        BridgeAnswer answer = send("GET", "/bridge/v1/instructions?application=" + encode(applicationId), null);
        if (answer.status() != 200) {
            throw new BridgeException(answer);
        }
        return Json.parse(answer.body());
    }

    /**
     * {@code GET /bridge/v1/policies/{id}}: the application's effective policy as the agent holds it
     * ({@code application}, {@code hash}, {@code settings}, {@code lockedSettings}, {@code receivedAt}).
     *
     * @return empty while the agent holds no policy for the application ({@code 404 no-policy})
     */
    public Optional<JsonNode> policy(String applicationId) {
        BridgeAnswer answer = send("GET", "/bridge/v1/policies/" + encode(applicationId), null);
        if (answer.status() == 404 && "no-policy".equals(answer.json().path("code").asText())) {
            return Optional.empty();
        }
        if (answer.status() != 200) {
            throw new BridgeException(answer);
        }
        return Optional.of(answer.json());
    }

    /**
     * {@code POST /bridge/v1/instruction-results}: what became of an instruction.
     *
     * @param state   {@code RUNNING}, {@code SUCCEEDED} or {@code FAILED}
     * @param message required for a failure, else optional ({@code null})
     * @param result  the type's results as a JSON object, or {@code null}
     */
    public void postInstructionResult(String instructionId, String state, String message, Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructionId", instructionId);
        body.put("state", state);
        body.put("at", Instant.now());
        if (message != null) {
            body.put("message", message);
        }
        if (result != null) {
            body.put("result", result);
        }
        accepted(send("POST", "/bridge/v1/instruction-results", body));
    }

    /**
     * Any call, answered as it is.
     *
     * @param body the JSON body (text as it is, anything else serialised), or {@code null} for none
     */
    public BridgeAnswer send(String method, String path, Object body) {
        BridgeAnswer answer = call(method, path, body, false);
        return answer.status() == 401 ? call(method, path, body, true) : answer;
    }

    private BridgeAnswer call(String method, String path, Object body, boolean freshSecret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + secret(freshSecret));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(Json.text(body), StandardCharsets.UTF_8));
        }
        try {
            HttpResponse<String> answer = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new BridgeAnswer(method, path, answer.statusCode(), answer.body());
        } catch (IOException e) {
            throw new TestKitException("The agent's bridge at " + bridge + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestKitException("Interrupted during " + method + " " + path, e);
        }
    }

    private String secret(boolean fresh) {
        if (secret == null || fresh) {
            try {
                secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new TestKitException("Cannot read the bridge secret " + secretFile + " (is the agent running?): "
                        + e.getMessage(), e);
            }
        }
        return secret;
    }

    private static void accepted(BridgeAnswer answer) {
        if (answer.status() != 202) {
            throw new BridgeException(answer);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * One answer of the bridge.
     *
     * @param method the call's method
     * @param path   the call's path
     * @param status the HTTP status ({@code 202} accepted into the outbox)
     * @param body   the body: JSON, a problem detail for refusals
     */
    public record BridgeAnswer(String method, String path, int status, String body) {

        /** The body parsed as JSON; a missing node when it is empty or not JSON. */
        public JsonNode json() {
            return Json.parse(body);
        }
    }
}
