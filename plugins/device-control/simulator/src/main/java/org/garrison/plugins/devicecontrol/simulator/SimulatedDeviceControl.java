package org.garrison.plugins.devicecontrol.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The device-control application on one device, as the simulator plays it: the external devices attached, the
 * policy it applies and the decision it took for each, and what it reports (in the shapes of the plugin's schemas,
 * {@code GARRISON-INF/schemas/}): the connected-devices snapshot, the access-log entries not reported yet, and a
 * {@code device-blocked} event for every block.
 */
final class SimulatedDeviceControl {

    static final String APPLICATION = "device-control";
    static final String VERSION = "3.2.0";

    /** A device attached now and the decision in force for it. */
    private record Attached(AttachedDevice device, ControlPolicy.Decision decision, Instant firstSeen,
            Instant lastSeen) {
    }

    /** What a rescan found. */
    record RescanOutcome(int devices, int blocked, int readOnly, int logged) {
    }

    private final String installId;
    private final Instant installedAt;
    private final String userAccount;
    private final String entryPrefix;
    private final Map<String, Attached> attached = new LinkedHashMap<>();
    private final List<Map<String, Object>> unreported = new ArrayList<>();
    private final List<Map<String, Object>> events = new ArrayList<>();
    private final List<String> notifications = new ArrayList<>();
    private ControlPolicy policy = ControlPolicy.defaults();
    private String policyHash;
    private long entries;

    /**
     * @param userAccount the account signed in on the device, or {@code null}
     * @param now         the start; entry ids carry it, so another run never repeats one
     */
    SimulatedDeviceControl(String installId, Instant installedAt, String userAccount, Instant now) {
        this.installId = installId;
        this.installedAt = installedAt;
        this.userAccount = userAccount;
        this.entryPrefix = "e" + Long.toHexString(now.toEpochMilli()) + "-";
    }

    /** The device is attached: decided on, logged, blocked if so. */
    void attach(AttachedDevice device, Instant now) {
        ControlPolicy.Decision decision = policy.decide(device);
        attached.put(device.instanceId(), new Attached(device, decision, now, now));
        log(device, decision, "attached", now);
    }

    /** @return whether it was attached */
    boolean detach(String instanceId) {
        return attached.remove(instanceId) != null;
    }

    Optional<AttachedDevice> anyAttached(int index) {
        if (attached.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(attached.values()).get(Math.floorMod(index, attached.size())).device());
    }

    /**
     * A new policy (or, with a {@code null} hash, the defaults again): every attached device is decided on again, and
     * those whose access changes are logged.
     *
     * @return how many devices' access changed
     */
    int applyPolicy(ControlPolicy newPolicy, String hash, Instant now) {
        boolean modeChanged = newPolicy.logOnly() != policy.logOnly();
        policy = newPolicy;
        policyHash = hash;
        int changed = 0;
        for (Attached a : List.copyOf(attached.values())) {
            ControlPolicy.Decision decision = policy.decide(a.device());
            attached.put(a.device().instanceId(), new Attached(a.device(), decision, a.firstSeen(), now));
            if (!decision.access().equals(a.decision().access()) || modeChanged) {
                changed++;
                log(a.device(), decision, "policy-changed", now);
            }
        }
        return changed;
    }

    /** The rescan task: every attached device decided on again. */
    RescanOutcome rescan(boolean logEveryDevice, Instant now) {
        int blocked = 0;
        int readOnly = 0;
        int logged = 0;
        for (Attached a : List.copyOf(attached.values())) {
            ControlPolicy.Decision decision = policy.decide(a.device());
            attached.put(a.device().instanceId(), new Attached(a.device(), decision, a.firstSeen(), now));
            if (logEveryDevice || !decision.access().equals(a.decision().access())) {
                logged++;
                log(a.device(), decision, "rescan", now);
            }
            blocked += decision.access().equals("blocked") ? 1 : 0;
            readOnly += decision.access().equals("read-only") ? 1 : 0;
        }
        return new RescanOutcome(attached.size(), blocked, readOnly, logged);
    }

    /** Every attached device seen again now (the application's periodic look). */
    void seen(Instant now) {
        attached.replaceAll((id, a) -> new Attached(a.device(), a.decision(), a.firstSeen(), now));
    }

    String policyHash() {
        return policyHash;
    }

    int attachedCount() {
        return attached.size();
    }

    /** Kind {@code connected-devices}. */
    Map<String, Object> snapshot() {
        List<Map<String, Object>> devices = new ArrayList<>();
        for (Attached a : attached.values()) {
            Map<String, Object> item = describe(a.device());
            item.put("access", a.decision().access());
            item.put("decidedBy", a.decision().decidedBy());
            item.put("rule", a.decision().rule());
            item.put("firstSeen", a.firstSeen().toString());
            item.put("lastSeen", a.lastSeen().toString());
            devices.add(item);
        }
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("mode", policy.logOnly() ? "log-only" : "enforce");
        snapshot.put("policyHash", policyHash);
        snapshot.put("devices", devices);
        return snapshot;
    }

    boolean hasUnreportedEntries() {
        return !unreported.isEmpty();
    }

    /** Kind {@code access-log}: the entries since the last call. */
    Map<String, Object> accessLogReport() {
        Map<String, Object> report = Map.of("entries", List.copyOf(unreported));
        unreported.clear();
        return report;
    }

    /** The {@code device-blocked} events since the last call. */
    List<Map<String, Object>> drainEvents() {
        List<Map<String, Object>> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** What the user was shown since the last call. */
    List<String> drainNotifications() {
        List<String> drained = List.copyOf(notifications);
        notifications.clear();
        return drained;
    }

    /** {@code PUT /bridge/v1/applications/device-control}: the application's own entry. */
    Map<String, Object> applicationState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", "Device Control");
        state.put("version", VERSION);
        state.put("state", "RUNNING");
        state.put("realTimeProtection", "NOT_SUPPORTED");
        state.put("components", List.of(Map.of("name", "Device filter driver", "version", VERSION, "status",
                "running"), Map.of("name", "Policy engine", "version", VERSION, "status", "running")));
        state.put("installedAt", installedAt.toString());
        state.put("installId", installId);
        return state;
    }

    private void log(AttachedDevice device, ControlPolicy.Decision decision, String trigger, Instant now) {
        String id = entryPrefix + (++entries);
        boolean enforced = !policy.logOnly();
        Map<String, Object> entry = describe(device);
        entry.put("id", id);
        entry.put("at", now.toString());
        entry.put("decision", decision.access());
        entry.put("enforced", enforced);
        entry.put("decidedBy", decision.decidedBy());
        entry.put("rule", decision.rule());
        entry.put("trigger", trigger);
        entry.put("userAccount", userAccount);
        unreported.add(entry);
        if (decision.access().equals("blocked")) {
            events.add(blockedEvent(device, decision, id, enforced, now));
        }
        if (enforced && !decision.access().equals("allowed") && policy.notification() != null) {
            notifications.add(device.name() + ": " + policy.notification());
        }
    }

    private Map<String, Object> blockedEvent(AttachedDevice device, ControlPolicy.Decision decision, String entryId,
            boolean enforced, Instant now) {
        Map<String, Object> payload = describe(device);
        payload.put("entryId", entryId);
        payload.put("enforced", enforced);
        payload.put("decidedBy", decision.decidedBy());
        payload.put("rule", decision.rule());
        payload.put("userAccount", userAccount);
        Map<String, Object> event = new LinkedHashMap<>();
        // derived from what it is about, so sending it again is harmless
        event.put("id", UUID.nameUUIDFromBytes((installId + "/device-blocked/" + entryId)
                .getBytes(StandardCharsets.UTF_8)).toString());
        event.put("occurredAt", now.toString());
        event.put("source", APPLICATION);
        event.put("type", "device-blocked");
        event.put("severity", "WARNING");
        event.put("description", (enforced ? "Blocked " : "Would have blocked (log only) ") + device.name() + " ("
                + device.deviceClass() + " on " + device.bus() + ")" + (decision.rule() == null ? ""
                : " by the rule " + decision.rule()));
        event.put("payload", payload);
        return event;
    }

    private static Map<String, Object> describe(AttachedDevice device) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("instanceId", device.instanceId());
        item.put("deviceClass", device.deviceClass());
        item.put("bus", device.bus());
        item.put("name", device.name());
        item.put("vendorId", device.vendorId());
        item.put("productId", device.productId());
        item.put("serialNumber", device.serialNumber());
        return item;
    }
}
