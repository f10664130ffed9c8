package org.garrison.plugins.endpointprotection.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.garrison.bridge.client.BridgeClient;
import org.garrison.bridge.client.BridgeException;
import org.garrison.bridge.client.BridgeOutbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the simulated application against the agent's local bridge: reports its state at start, then every cycle
 * what changed (threats, quarantine, scan status), asks for instructions and runs the {@code full-scan} and
 * {@code update-databases} tasks it gets (RUNNING, then SUCCEEDED with a result). What cannot be delivered because
 * the agent is down or restarting waits, in order, and goes out when it is back, as a real application does.
 */
final class Simulator {

    /** What a run did, for its summary line and for tests. */
    record Stats(int reports, int events, int detections, int tasks, int refused) {
    }

    private final SimulatorOptions options;
    private final BridgeClient bridge;
    private final Clock clock;
    private final PrintStream out;
    private final SimulatedAntivirus antivirus;
    private final BridgeOutbox outgoing;
    private int reports;
    private int events;
    private int tasks;
    private int cycles;
    private String policyHash;
    private volatile boolean stopped;

    Simulator(SimulatorOptions options, BridgeClient bridge, Clock clock, PrintStream out) {
        this.options = options;
        this.bridge = bridge;
        this.clock = clock;
        this.out = out;
        this.outgoing = new BridgeOutbox(bridge, BridgeOutbox.printing(out, this::now));
        Random machineDice = new Random(options.seed() ^ 0x5DEECE66DL);
        this.antivirus = new SimulatedAntivirus(options.seed(), options.databasesAgeDays(), now(),
                SimulatedMachine.ofThisSystem(machineDice));
    }

    void stop() {
        stopped = true;
    }

    Stats run() throws InterruptedException {
        Instant start = now();
        Instant end = options.duration().isZero() ? Instant.MAX : start.plus(options.duration());
        queueApplicationState();
        queueData("licence", antivirus.licenceReport());
        queueData("scan-status", antivirus.scanStatus());
        queueData("quarantine", antivirus.quarantineReport());
        queueData("threats", antivirus.threatsReport());
        outgoing.flush();
        Instant nextCycle = start.plus(options.cycle());
        Instant nextPoll = start;
        while (!stopped && now().isBefore(end)) {
            if (!now().isBefore(nextPoll)) {
                pollPolicy();
                pollInstructions();
                nextPoll = now().plus(options.pollInterval());
            }
            if (!now().isBefore(nextCycle)) {
                cycle();
                nextCycle = now().plus(options.cycle());
            }
            outgoing.flush();
            Instant next = nextCycle.isBefore(nextPoll) ? nextCycle : nextPoll;
            long wait = Math.min(1_000, Math.max(10, Duration.between(now(), next).toMillis()));
            Thread.sleep(wait);
        }
        outgoing.flush();
        return stats();
    }

    Stats stats() {
        return new Stats(reports, events, antivirus.detectionCount(), tasks, outgoing.refused());
    }

    private void cycle() {
        cycles++;
        String protectionBefore = antivirus.realTimeProtection();
        List<Map<String, Object>> raised = antivirus.cycle(now());
        if (!raised.isEmpty()) {
            queueEvents(raised);
        }
        boolean protectionChanged = !protectionBefore.equals(antivirus.realTimeProtection());
        if (protectionChanged) {
            queueApplicationState();
        }
        if (antivirus.hasUnreportedDetections()) {
            queueData("threats", antivirus.threatsReport());
        }
        if (antivirus.storageChanged()) {
            queueData("quarantine", antivirus.quarantineReport());
        }
        // the state goes out when it changed, and every tenth cycle anyway: the server sees the application alive
        if (protectionChanged || cycles % 10 == 0) {
            queueData("scan-status", antivirus.scanStatus());
        }
    }

    /**
     * Reads the effective policy the agent holds and applies it when its hash changed (a policy without the setting,
     * or none at all, leaves the application's default: protection on).
     */
    private void pollPolicy() {
        BridgeClient.PolicyAnswer policy;
        try {
            policy = bridge.policy(SimulatedAntivirus.APPLICATION, policyHash);
            outgoing.reachable();
        } catch (BridgeException e) {
            outgoing.unreachable(e);
            return;
        }
        if (policy.outcome() != BridgeClient.PolicyAnswer.Outcome.CHANGED) {
            return;
        }
        policyHash = policy.hash();
        boolean enabled = policy.settings().path("realTimeProtection").path("enabled").asBoolean(true);
        String before = antivirus.realTimeProtection();
        antivirus.applyPolicy(enabled);
        out.println(now() + " policy " + policyHash + " applied: real-time protection " + (enabled ? "on" : "off"));
        if (!before.equals(antivirus.realTimeProtection())) {
            queueApplicationState();
            queueData("scan-status", antivirus.scanStatus());
        }
    }

    private void pollInstructions() {
        JsonNode instructions;
        try {
            instructions = bridge.instructions(SimulatedAntivirus.APPLICATION);
            outgoing.reachable();
        } catch (BridgeException e) {
            outgoing.unreachable(e);
            return;
        }
        for (JsonNode instruction : instructions) {
            if (stopped) {
                return;
            }
            run(instruction);
        }
    }

    private void run(JsonNode instruction) {
        String id = instruction.path("id").asText();
        String type = instruction.path("type").asText();
        JsonNode parameters = instruction.path("parameters");
        Instant startedAt = now();
        if (!instruction.path("expiresAt").isMissingNode() && !instruction.path("expiresAt").isNull()
                && Instant.parse(instruction.path("expiresAt").asText()).isBefore(startedAt)) {
            result(id, "FAILED", "The instruction expired before the application could start it", Map.of());
            return;
        }
        if (!type.equals("full-scan") && !type.equals("update-databases")) {
            result(id, "FAILED", "Endpoint Protection " + SimulatedAntivirus.VERSION + " has no task type '" + type
                    + "'", Map.of());
            return;
        }
        if (!result(id, "RUNNING", null, Map.of())) {
            return;
        }
        tasks++;
        out.println(startedAt + " task " + type + " " + id + " started");
        if (type.equals("full-scan")) {
            fullScan(id, parameters, startedAt);
        } else {
            updateDatabases(id, parameters);
        }
    }

    private void fullScan(String instructionId, JsonNode parameters, Instant startedAt) {
        String scope = parameters.path("scope").asText("full");
        String action = parameters.path("action").asText("disinfect");
        List<String> paths = new ArrayList<>();
        parameters.path("paths").forEach(path -> paths.add(path.asText()));
        pause(options.scanDuration());
        Instant finishedAt = now();
        SimulatedAntivirus.ScanOutcome outcome = antivirus.scan(scope, paths, action, startedAt, finishedAt);
        if (antivirus.hasUnreportedDetections()) {
            queueData("threats", antivirus.threatsReport());
        }
        if (antivirus.storageChanged()) {
            queueData("quarantine", antivirus.quarantineReport());
        }
        queueData("scan-status", antivirus.scanStatus());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("scope", scope);
        payload.put("startedAt", startedAt.toString());
        payload.put("finishedAt", finishedAt.toString());
        payload.put("objectsScanned", outcome.objectsScanned());
        payload.put("threatsFound", outcome.found().size());
        payload.put("instructionId", instructionId);
        queueEvents(List.of(antivirus.event(finishedAt, "scan-finished", "INFO", "Scan (" + scope + ") finished: "
                + outcome.objectsScanned() + " objects scanned, " + outcome.found().size() + " threats found",
                payload, "scan-finished/" + instructionId)));
        outgoing.flush();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("scope", scope);
        result.put("objectsScanned", outcome.objectsScanned());
        result.put("threatsFound", outcome.found().size());
        result.put("durationSeconds", Duration.between(startedAt, finishedAt).toSeconds());
        result(instructionId, "SUCCEEDED", "Scanned " + outcome.objectsScanned() + " objects, found "
                + outcome.found().size() + " threats", result);
    }

    private void updateDatabases(String instructionId, JsonNode parameters) {
        boolean force = parameters.path("force").asBoolean(false);
        String source = parameters.path("source").asText("the policy's update source");
        pause(Duration.ofMillis(Math.min(2_000, options.scanDuration().toMillis())));
        Optional<Instant> updated = antivirus.updateDatabases(force, now());
        queueData("scan-status", antivirus.scanStatus());
        outgoing.flush();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("updated", updated.isPresent());
        result.put("databasesReleasedAt", antivirus.databasesReleasedAt().toString());
        result.put("source", source);
        result(instructionId, "SUCCEEDED", updated.isPresent() ? "Databases of " + antivirus.databasesReleasedAt()
                + " installed" : "The databases were up to date", result);
    }

    /** Sends a task result now (results are not queued: the agent hands the instruction out again otherwise). */
    private boolean result(String instructionId, String state, String message, Map<String, Object> result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("instructionId", instructionId);
        body.put("state", state);
        body.put("at", now().toString());
        body.put("message", message);
        body.put("result", result);
        if (stopped || !outgoing.sendNow("result " + state + " of " + instructionId, b -> b.postResult(body), 5,
                Duration.ofSeconds(2))) {
            return false;
        }
        if (!state.equals("RUNNING")) {
            out.println(now() + " task " + instructionId + " " + state + (message == null ? "" : ": " + message));
        }
        return true;
    }

    private void queueApplicationState() {
        Map<String, Object> state = antivirus.applicationState();
        outgoing.add("application state", b -> b.putApplication(SimulatedAntivirus.APPLICATION, state));
    }

    private void queueData(String kind, Map<String, Object> data) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("application", SimulatedAntivirus.APPLICATION);
        report.put("kind", kind);
        report.put("reportedAt", now().toString());
        report.put("data", data);
        outgoing.add(kind + " report", b -> {
            b.postData(report);
            reports++;
        });
    }

    private void queueEvents(List<Map<String, Object>> list) {
        outgoing.add(list.size() + " events", b -> {
            b.postEvents(list);
            events += list.size();
        });
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
