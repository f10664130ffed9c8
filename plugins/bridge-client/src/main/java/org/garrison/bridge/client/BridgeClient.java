package org.garrison.bridge.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The agent's local bridge (docs/agent-protocol.md, "The local bridge"), as a managed application uses it: every call
 * carries the secret from {@code bridge.secret}, which the agent writes anew at each start, so a {@code 401} makes the
 * client read the file again and retry once.
 */
public final class BridgeClient {

    /** What {@link #policy} found. */
    public record PolicyAnswer(Outcome outcome, String hash, JsonNode settings) {

        public enum Outcome {
            /** A policy other than the one named by the ETag sent (or the first one). */
            CHANGED,
            /** The policy named by the ETag sent is still the one in force. */
            UNCHANGED,
            /** The agent has received no policy for the application: it applies its defaults. */
            NONE,
            /** The agent's bridge has no policies call (an older agent): the application applies its defaults. */
            NOT_OFFERED
        }
    }

    private final URI bridge;
    private final Path secretFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // members without a value are left out, in maps too: the plugin's schemas want a member absent, not null
    private final ObjectMapper json = new ObjectMapper().setDefaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL));
    private volatile String secret;

    public BridgeClient(URI bridge, Path secretFile) {
        this.bridge = bridge;
        this.secretFile = secretFile;
    }

    /** {@code PUT /bridge/v1/applications/{id}}: the application's own state. */
    public void putApplication(String id, Map<String, Object> state) throws BridgeException {
        send("PUT", "/bridge/v1/applications/" + id, state);
    }

    /** {@code POST /bridge/v1/application-data}: one report for the application's plugin. */
    public void postData(Map<String, Object> data) throws BridgeException {
        send("POST", "/bridge/v1/application-data", data);
    }

    /** {@code POST /bridge/v1/events}: events with the application as their source. */
    public void postEvents(List<Map<String, Object>> events) throws BridgeException {
        send("POST", "/bridge/v1/events", events);
    }

    /** {@code GET /bridge/v1/instructions?application=}: the instructions waiting for the application. */
    public JsonNode instructions(String application) throws BridgeException {
        return tree(send("GET", "/bridge/v1/instructions?application=" + application, null));
    }

    /** {@code POST /bridge/v1/instruction-results}. */
    public void postResult(Map<String, Object> result) throws BridgeException {
        send("POST", "/bridge/v1/instruction-results", result);
    }

    /**
     * {@code GET /bridge/v1/policies/{application}}: the effective policy the agent received for the application.
     *
     * @param knownHash the hash of the policy the application applies, sent as {@code If-None-Match}, or {@code null}
     */
    public PolicyAnswer policy(String application, String knownHash) throws BridgeException {
        String path = "/bridge/v1/policies/" + application;
        Map<String, String> headers = knownHash == null ? Map.of() : Map.of("If-None-Match", "\"" + knownHash + "\"");
        HttpResponse<String> answer = call("GET", path, null, headers, false);
        if (answer.statusCode() == 401) {
            answer = call("GET", path, null, headers, true);
        }
        switch (answer.statusCode()) {
            case 200: {
                JsonNode body = tree(answer.body());
                String hash = body.path("hash").asText("");
                if (hash.isEmpty() || !body.path("settings").isObject()) {
                    throw new BridgeException(200, "The agent's policy answer has no hash or settings: "
                            + answer.body(), null);
                }
                return new PolicyAnswer(PolicyAnswer.Outcome.CHANGED, hash, body.path("settings"));
            }
            case 304:
                return new PolicyAnswer(PolicyAnswer.Outcome.UNCHANGED, knownHash, null);
            case 404: {
                String code = answer.body().isEmpty() ? "" : tree(answer.body()).path("code").asText("");
                return new PolicyAnswer("no-policy".equals(code) ? PolicyAnswer.Outcome.NONE
                        : PolicyAnswer.Outcome.NOT_OFFERED, null, null);
            }
            default:
                throw new BridgeException(answer.statusCode(), "GET " + path + " was refused with "
                        + answer.statusCode() + ": " + answer.body(), null);
        }
    }

    String send(String method, String path, Object body) throws BridgeException {
        HttpResponse<String> answer = call(method, path, body, Map.of(), false);
        if (answer.statusCode() == 401) {
            answer = call(method, path, body, Map.of(), true);
        }
        if (answer.statusCode() >= 300) {
            throw new BridgeException(answer.statusCode(), method + " " + path + " was refused with "
                    + answer.statusCode() + ": " + answer.body(), null);
        }
        return answer.body();
    }

    private JsonNode tree(String body) throws BridgeException {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new BridgeException(200, "The agent answered something that is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> call(String method, String path, Object body, Map<String, String> headers,
            boolean freshSecret) throws BridgeException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(bridge + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + secret(freshSecret));
            headers.forEach(request::header);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new BridgeException(0, "The agent's bridge at " + bridge + " cannot be reached: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BridgeException(0, "Interrupted", e);
        }
    }

    private String secret(boolean fresh) throws BridgeException {
        if (secret == null || fresh) {
            try {
                secret = Files.readString(secretFile, StandardCharsets.US_ASCII).strip();
            } catch (IOException e) {
                throw new BridgeException(0, "Cannot read the bridge secret " + secretFile + " (is the agent running,"
                        + " and may this user read its data folder?): " + e.getMessage(), e);
            }
        }
        return secret;
    }
}
