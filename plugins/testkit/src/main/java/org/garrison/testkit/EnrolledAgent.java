package org.garrison.testkit;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A real Network Agent ({@code garrison-agent}, run with {@code java -jar} as an admin runs it) enrolled with a
 * server through an enrollment token of its own, running in the background, with its configuration and data in a
 * folder of its own instead of {@code /etc} and {@code /var/lib}. Its local bridge listens on a free port of
 * 127.0.0.1; {@link #bridge()} plays the vendor's application on it.
 *
 * <p>The agent syncs when the server tells it to (every five minutes by default): {@link #deliver(Duration)} asks
 * the server to wake it and waits until what the application handed to the bridge has reached the server. The server
 * then hands application data to the plugin's handler on its own, so a test awaits the outcome in the plugin's
 * resources ({@link GarrisonClient#await}).
 */
public final class EnrolledAgent implements AutoCloseable {

    private static final Duration ENROLL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration FIRST_SYNC_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration SYNC_REQUEST_SPACING = Duration.ofSeconds(3);

    private final GarrisonServer server;
    private final Path agentJar;
    private final Path folder;
    private final Path config;
    private final int bridgePort;
    private Process running;
    private String deviceId;

    private EnrolledAgent(GarrisonServer server, Path agentJar, Path folder) throws IOException {
        this.server = server;
        this.agentJar = agentJar;
        this.folder = folder;
        this.config = folder.resolve("agent.properties");
        this.bridgePort = FreePorts.next();
        Files.writeString(config, "data.dir = " + folder.resolve("data") + "\nbridge.port = " + bridgePort
                + "\nlog.level = info\n", StandardCharsets.UTF_8);
    }

    static EnrolledAgent enroll(GarrisonServer server, Path agentJar, String groupId, Path folder)
            throws IOException {
        if (!Files.isRegularFile(agentJar)) {
            throw new TestKitException("No agent JAR at " + agentJar + " (the garrison-agent artifact, classifier "
                    + "all)");
        }
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Test kit agent " + folder.getFileName());
        if (groupId != null) {
            request.put("groupId", groupId);
        }
        request.put("maxUses", 1);
        String token = server.admin().post("/enrollment-tokens", request).expectJson(201).path("token").asText();
        EnrolledAgent agent = new EnrolledAgent(server, agentJar, folder);
        try {
            agent.enrollWith(token);
            agent.start();
            agent.deviceId = agent.awaitDeviceId();
            return agent;
        } catch (RuntimeException e) {
            String output = agent.output();
            agent.close();
            throw new TestKitException(e.getMessage() + "\n--- agent output ---\n" + output, e);
        }
    }

    private void enrollWith(String token) {
        try {
            Process enroll = builder(List.of("enroll", "--server", server.gatewayUrl().toString(), "--token", token,
                    "--config", config.toString())).start();
            if (!enroll.waitFor(ENROLL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                enroll.destroyForcibly();
                throw new TestKitException("garrison-agent enroll did not finish within " + ENROLL_TIMEOUT);
            }
            if (enroll.exitValue() != 0) {
                throw new TestKitException("garrison-agent enroll failed with exit code " + enroll.exitValue());
            }
        } catch (IOException e) {
            throw new TestKitException("Cannot run the agent: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestKitException("Interrupted while the agent enrolled", e);
        }
    }

    private void start() {
        try {
            running = builder(List.of("run", "--config", config.toString())).start();
        } catch (IOException e) {
            throw new TestKitException("Cannot run the agent: " + e, e);
        }
    }

    private String awaitDeviceId() {
        JsonNode[] last = new JsonNode[1];
        return Waiting.until("the agent's first sync (its device)", FIRST_SYNC_TIMEOUT, () -> {
            if (!running.isAlive()) {
                throw new TestKitException("The agent stopped with exit code " + running.exitValue());
            }
            last[0] = status();
            String id = last[0].path("deviceId").asText("");
            return id.isEmpty() ? Optional.empty() : Optional.of(id);
        }, () -> String.valueOf(last[0]));
    }

    /** The id of the agent's device on the server. */
    public String deviceId() {
        return deviceId;
    }

    /** The local bridge's address, {@code http://127.0.0.1:<port>}. */
    public URI bridgeUrl() {
        return URI.create("http://127.0.0.1:" + bridgePort);
    }

    /** The file holding the bridge's secret, which the agent writes anew at each start. */
    public Path bridgeSecretFile() {
        return folder.resolve("data").resolve("bridge.secret");
    }

    /**
     * The bridge's current secret (sent as {@code Authorization: Bearer}), once the running agent has written it:
     * for a vendor's own application or simulator that takes it as a parameter.
     */
    public String bridgeSecret() {
        return Waiting.until("the agent's bridge secret", Duration.ofSeconds(30), () -> {
            try {
                Path file = bridgeSecretFile();
                String secret = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII).strip() : "";
                return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
            } catch (IOException notYetWritten) {
                return Optional.empty();
            }
        }, () -> "no " + bridgeSecretFile());
    }

    /** A client of the agent's local bridge, playing the vendor's application. */
    public BridgeClient bridge() {
        bridgeSecret();
        return new BridgeClient(bridgeUrl(), bridgeSecretFile());
    }

    /** {@code garrison-agent status --json}: state, device, outbox, last sync and error. */
    public JsonNode status() {
        try {
            Process status = new ProcessBuilder(command(List.of("status", "--json", "--config", config.toString())))
                    .redirectError(ProcessBuilder.Redirect.appendTo(folder.resolve("agent-output.log").toFile()))
                    .start();
            byte[] out = status.getInputStream().readAllBytes();
            if (!status.waitFor(1, TimeUnit.MINUTES)) {
                status.destroyForcibly();
            }
            return Json.parse(new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new TestKitException("Cannot run garrison-agent status: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestKitException("Interrupted during garrison-agent status", e);
        }
    }

    /**
     * Asks the server to have the agent sync now ({@code POST /api/v1/agents/sync-now}).
     *
     * @return whether the agent held its wake channel open and was woken (it then syncs within seconds)
     */
    public boolean syncNow() {
        JsonNode answer = server.admin().post("/agents/sync-now", Map.of("deviceIds", List.of(deviceId)))
                .expectJson(200);
        return answer.path("woken").asInt() > 0;
    }

    /**
     * Waits until everything the agent held when this was called has reached the server: a sync after now with an
     * empty outbox. Wakes the agent every few seconds meanwhile.
     *
     * @throws TestKitException with the agent's status and output when the timeout passes first
     */
    public void deliver(Duration timeout) {
        Instant since = Instant.now();
        whileWaking("the agent's outbox to reach the server", timeout, () -> {
            JsonNode status = status();
            String lastSync = status.path("lastSyncAt").asText("");
            boolean delivered = !lastSync.isEmpty() && Instant.parse(lastSync).isAfter(since)
                    && status.path("outboxItems").asInt(-1) == 0;
            return delivered ? Optional.of(Boolean.TRUE) : Optional.empty();
        });
    }

    /**
     * Waits until the agent holds the application's effective policy the server computes for its device now (the
     * same {@code hash} as {@code GET /api/v1/devices/{id}/effective-policy/{application}}), waking it meanwhile.
     *
     * @return the policy as the application reads it from the bridge
     */
    public JsonNode awaitPolicy(String applicationId, Duration timeout) {
        String path = "/devices/" + deviceId + "/effective-policy/" + applicationId;
        String hash = server.admin().get(path).expectJson(200).path("hash").asText();
        BridgeClient bridge = bridge();
        return whileWaking("the policy of " + applicationId + " with hash " + hash, timeout,
                () -> bridge.policy(applicationId).filter(p -> hash.equals(p.path("hash").asText())));
    }

    /**
     * Waits until the agent holds instructions for the application (a task run for its device), waking it
     * meanwhile.
     *
     * @return the instructions as the application reads them from the bridge (a JSON array, not empty)
     */
    public JsonNode awaitInstructions(String applicationId, Duration timeout) {
        BridgeClient bridge = bridge();
        return whileWaking("instructions for " + applicationId, timeout, () -> Optional.of(
                bridge.instructions(applicationId)).filter(list -> list.size() > 0));
    }

    private <T> T whileWaking(String what, Duration timeout, Supplier<Optional<T>> probe) {
        long[] nextRequest = {System.nanoTime()};
        try {
            return Waiting.until(what, timeout, () -> {
                Optional<T> value = probe.get();
                if (value.isEmpty() && System.nanoTime() - nextRequest[0] > 0) {
                    syncNow();
                    nextRequest[0] = System.nanoTime() + SYNC_REQUEST_SPACING.toNanos();
                }
                return value;
            }, () -> String.valueOf(status()));
        } catch (TestKitException e) {
            throw new TestKitException(e.getMessage() + "\n--- agent output ---\n" + output(), e);
        }
    }

    /** What the agent printed (enrollment and run). */
    public String output() {
        try {
            Path log = folder.resolve("agent-output.log");
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(the agent's output cannot be read: " + e + ")";
        }
    }

    /** Stops the agent (as its service manager would, with SIGTERM; by force after 30 seconds). */
    @Override
    public void close() {
        if (running == null) {
            return;
        }
        try {
            running.destroy();
            if (!running.waitFor(30, TimeUnit.SECONDS)) {
                running.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = null;
        }
    }

    private ProcessBuilder builder(List<String> arguments) {
        return new ProcessBuilder(command(arguments)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(folder.resolve("agent-output.log").toFile()));
    }

    private List<String> command(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(server.javaHome().resolve("bin").resolve("java").toString(),
                "-jar", agentJar.toAbsolutePath().toString()));
        command.addAll(arguments);
        return command;
    }
}
