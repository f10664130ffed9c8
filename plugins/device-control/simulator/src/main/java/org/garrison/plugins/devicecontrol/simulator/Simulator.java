package org.garrison.plugins.devicecontrol.simulator;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.garrison.bridge.client.BridgeClient;
import org.garrison.bridge.client.BridgeException;
import org.garrison.bridge.client.BridgeOutbox;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Runs the simulated application against the agent's local bridge: reads its policy, attaches the devices of the
 * command line and reports them (its entry, the connected devices, the access log, a {@code device-blocked} event per
 * block); then asks the agent for its policy (with the hash it applies, so an unchanged policy costs a 304) and
 * applies a new one to every attached device, asks for instructions and runs {@code rescan-devices}, and, with a
 * rate, lets a user attach and detach random devices. What cannot be delivered because the agent is down or
 * restarting waits, in order, and goes out when it is back, as a real application does.
 */
final class Simulator {

    /** What a run did, for its summary line and for tests. */
    record Stats(int reports, int events, int policiesApplied, int tasks, int refused) {
    }

    private static final List<String> RANDOM_PRESETS = List.of("usb-stick", "usb-stick", "usb-disk", "phone",
            "printer", "webcam", "headset", "keyboard", "card-reader", "cd-drive", "lte-modem", "wifi-dongle");

    private final SimulatorOptions options;
    private final BridgeClient bridge;
    private final Clock clock;
    private final PrintStream out;
    private final Random random;
    private final SimulatedDeviceControl application;
    private final BridgeOutbox outgoing;
    private int reports;
    private int events;
    private int policies;
    private int tasks;
    private boolean policyCallMissingReported;
    private volatile boolean stopped;

    Simulator(SimulatorOptions options, BridgeClient bridge, Clock clock, PrintStream out) {
        this.options = options;
        this.bridge = bridge;
        this.clock = clock;
        this.out = out;
        this.outgoing = new BridgeOutbox(bridge, BridgeOutbox.printing(out, this::now));
        this.random = new Random(options.seed());
        String installId = new UUID(random.nextLong(), random.nextLong()).toString();
        this.application = new SimulatedDeviceControl(installId, now().minus(Duration.ofDays(30 + random.nextInt(300)))
                .truncatedTo(ChronoUnit.SECONDS), options.user(), now());
    }

    void stop() {
        stopped = true;
    }

    Stats run() throws InterruptedException {
        Instant start = now();
        Instant end = options.duration().isZero() ? Instant.MAX : start.plus(options.duration());
        outgoing.add("application state", b -> b.putApplication(SimulatedDeviceControl.APPLICATION,
                application.applicationState()));
        // the policy first, so the devices attached at start are decided by it (if the agent has one already)
        readPolicy();
        for (String description : options.attach()) {
            AttachedDevice device = DeviceCatalogue.parse(description, random);
            application.attach(device, now());
            out.println(now() + " attached " + device.name() + " (" + device.instanceId() + ")");
        }
        queueChanges(true);
        outgoing.flush();
        Duration cycle = options.cycle();
        Instant nextCycle = cycle == null ? Instant.MAX : start.plus(cycle);
        Instant nextPoll = start;
        Instant nextPolicy = start.plus(options.policyInterval());
        while (!stopped && now().isBefore(end)) {
            if (!now().isBefore(nextPolicy)) {
                readPolicy();
                nextPolicy = now().plus(options.policyInterval());
            }
            if (!now().isBefore(nextPoll)) {
                pollInstructions();
                nextPoll = now().plus(options.pollInterval());
            }
            if (!now().isBefore(nextCycle)) {
                cycle();
                nextCycle = now().plus(cycle);
            }
            outgoing.flush();
            Instant next = min(min(nextCycle, nextPoll), nextPolicy);
            Thread.sleep(Math.min(1_000, Math.max(10, Duration.between(now(), next).toMillis())));
        }
        outgoing.flush();
        return stats();
    }

    Stats stats() {
        return new Stats(reports, events, policies, tasks, outgoing.refused());
    }

    /** Asks the agent for the policy; a new one is applied to every attached device. */
    private void readPolicy() {
        BridgeClient.PolicyAnswer answer;
        try {
            answer = bridge.policy(SimulatedDeviceControl.APPLICATION, application.policyHash());
            outgoing.reachable();
        } catch (BridgeException e) {
            outgoing.unreachable(e);
            return;
        }
        switch (answer.outcome()) {
            case CHANGED -> apply(ControlPolicy.of(answer.settings()), answer.hash(), "policy " + answer.hash());
            case NONE, NOT_OFFERED -> {
                if (answer.outcome() == BridgeClient.PolicyAnswer.Outcome.NOT_OFFERED && !policyCallMissingReported) {
                    policyCallMissingReported = true;
                    out.println(now() + " the agent's bridge offers no policies call; applying the defaults");
                }
                // a policy the application applied was withdrawn: back to the defaults
                if (application.policyHash() != null) {
                    apply(ControlPolicy.defaults(), null, "the defaults (no policy)");
                }
            }
            case UNCHANGED -> {
                // nothing to do: the 304 costs the agent nothing
            }
        }
    }

    private void apply(ControlPolicy policy, String hash, String what) {
        int changed = application.applyPolicy(policy, hash, now());
        policies++;
        out.println(now() + " applied " + what + (policy.logOnly() ? " (log only)" : "") + ": " + changed
                + " attached devices changed access");
        queueChanges(true);
    }

    /** A user attaches a random device, or detaches one. */
    private void cycle() {
        if (application.attachedCount() > 0 && random.nextInt(100) < 40) {
            application.anyAttached(random.nextInt(1_000)).ifPresent(device -> {
                application.detach(device.instanceId());
                out.println(now() + " detached " + device.name());
            });
        } else {
            AttachedDevice device = DeviceCatalogue.of(RANDOM_PRESETS.get(random.nextInt(RANDOM_PRESETS.size())),
                    random);
            application.attach(device, now());
            out.println(now() + " attached " + device.name() + " (" + device.instanceId() + ")");
        }
        application.seen(now());
        queueChanges(true);
    }

    private void pollInstructions() {
        JsonNode instructions;
        try {
            instructions = bridge.instructions(SimulatedDeviceControl.APPLICATION);
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
        if (!instruction.path("expiresAt").isMissingNode() && !instruction.path("expiresAt").isNull()
                && Instant.parse(instruction.path("expiresAt").asText()).isBefore(now())) {
            result(id, "FAILED", "The instruction expired before the application could start it", Map.of());
            return;
        }
        if (!type.equals("rescan-devices")) {
            result(id, "FAILED", "Device Control " + SimulatedDeviceControl.VERSION + " has no task type '" + type
                    + "'", Map.of());
            return;
        }
        if (!result(id, "RUNNING", null, Map.of())) {
            return;
        }
        tasks++;
        out.println(now() + " task " + type + " " + id + " started");
        boolean logEveryDevice = instruction.path("parameters").path("logEveryDevice").asBoolean(false);
        SimulatedDeviceControl.RescanOutcome outcome = application.rescan(logEveryDevice, now());
        queueChanges(true);
        outgoing.flush();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("devices", outcome.devices());
        result.put("blocked", outcome.blocked());
        result.put("readOnly", outcome.readOnly());
        result.put("logged", outcome.logged());
        result.put("policyHash", application.policyHash());
        result(id, "SUCCEEDED", outcome.devices() + " external devices attached, " + outcome.blocked() + " blocked, "
                + outcome.readOnly() + " read-only", result);
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

    /** Queues the access log and the events of what happened, and (if asked) the snapshot of what is attached. */
    private void queueChanges(boolean snapshot) {
        application.drainNotifications().forEach(text -> out.println(now() + " notified the user: " + text));
        if (application.hasUnreportedEntries()) {
            queueData("access-log", application.accessLogReport());
        }
        List<Map<String, Object>> blocked = application.drainEvents();
        if (!blocked.isEmpty()) {
            outgoing.add(blocked.size() + " events", b -> {
                b.postEvents(blocked);
                events += blocked.size();
            });
        }
        if (snapshot) {
            queueData("connected-devices", application.snapshot());
        }
    }

    private void queueData(String kind, Map<String, Object> data) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("application", SimulatedDeviceControl.APPLICATION);
        report.put("kind", kind);
        report.put("reportedAt", now().toString());
        report.put("data", data);
        outgoing.add(kind + " report", b -> {
            b.postData(report);
            reports++;
        });
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
