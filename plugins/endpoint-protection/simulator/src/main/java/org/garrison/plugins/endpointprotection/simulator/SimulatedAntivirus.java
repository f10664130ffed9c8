package org.garrison.plugins.endpointprotection.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The anti-virus application on one device, as the simulator plays it: its detections, quarantine and backup
 * storage, scans, databases, real-time protection and licence keys, and the reports, events and task results it sends
 * (in the shapes of the plugin's schemas, {@code GARRISON-INF/schemas/}). Everything random comes from one seeded
 * {@link Random}, so a seed replays the same machine.
 */
final class SimulatedAntivirus {

    static final String APPLICATION = "endpoint-protection";
    static final String VERSION = "12.6.0.438";

    private static final List<String> COMPONENTS = List.of("File Threat Protection", "Web Threat Protection",
            "Mail Threat Protection", "Network Threat Protection", "Behavior Detection", "Exploit Prevention",
            "Scan engine", "Update agent");

    /**
     * @param action what the application did: disinfected, quarantined, deleted, blocked, reported, none
     * @param status detected, disinfected, quarantined, deleted, not-disinfected
     */
    record Detection(String id, String objectPath, ThreatCatalogue.Threat threat, String action, String status,
            Instant detectedAt, String sha256) {

        Detection withOutcome(String newAction, String newStatus) {
            return new Detection(id, objectPath, threat, newAction, newStatus, detectedAt, sha256);
        }

        boolean unresolved() {
            return status.equals("detected") || status.equals("not-disinfected");
        }
    }

    /** A file in quarantine or backup. */
    record StoredFile(String id, String storage, String fileName, String originalPath, long sizeBytes,
            Instant storedAt, String threatName) {
    }

    /**
     * @param objectsScanned how many objects it looked at
     * @param found          detections it made
     */
    record ScanOutcome(String scope, Instant startedAt, Instant finishedAt, long objectsScanned,
            List<Detection> found) {
    }

    private final Random random;
    private final SimulatedMachine machine;
    private final Map<String, Detection> detections = new LinkedHashMap<>();
    private final Set<String> unreported = new LinkedHashSet<>();
    private final Map<String, StoredFile> storage = new LinkedHashMap<>();
    private final Instant installedAt;
    private final String installId;
    private final Map<String, Object> activeKey;
    private final Map<String, Object> reserveKey;
    private boolean storageChanged = true;
    private String realTimeProtection = "on";
    private int protectionOffCycles;
    private boolean protectionByPolicy = true;
    private Instant lastFullScan;
    private Instant lastQuickScan;
    private Instant databasesReleasedAt;
    private Instant lastUpdateCheck;

    SimulatedAntivirus(long seed, Integer databasesAgeDays, Instant now, SimulatedMachine machine) {
        this.random = new Random(seed);
        this.machine = machine;
        this.installedAt = now.minus(Duration.ofDays(30 + random.nextInt(300))).truncatedTo(ChronoUnit.SECONDS);
        this.installId = new UUID(random.nextLong(), random.nextLong()).toString();
        this.activeKey = key("commercial", now.plus(Duration.ofDays(60 + random.nextInt(300))), 500);
        this.reserveKey = random.nextInt(3) == 0 ? null
                : key("subscription", now.plus(Duration.ofDays(400 + random.nextInt(300))), 500);
        this.lastFullScan = now.minus(Duration.ofHours(24 + random.nextInt(6 * 24))).truncatedTo(ChronoUnit.SECONDS);
        this.lastQuickScan = now.minus(Duration.ofMinutes(random.nextInt(24 * 60))).truncatedTo(ChronoUnit.SECONDS);
        this.databasesReleasedAt = (databasesAgeDays != null
                ? now.minus(Duration.ofDays(databasesAgeDays)).minus(Duration.ofMinutes(random.nextInt(120)))
                : now.minus(Duration.ofMinutes(random.nextInt(36 * 60)))).truncatedTo(ChronoUnit.SECONDS);
        this.lastUpdateCheck = now;
        int history = 2 + random.nextInt(5);
        for (int i = 0; i < history; i++) {
            detect(now.minus(Duration.ofMinutes(60 + random.nextInt(30 * 24 * 60))));
        }
    }

    /**
     * One report cycle of the running application: perhaps a new threat (about one cycle in three), perhaps the
     * user pausing real-time protection for a while, and its hourly look for new databases.
     *
     * @return the application's events of this cycle (protection disabled)
     */
    List<Map<String, Object>> cycle(Instant now) {
        List<Map<String, Object>> events = new ArrayList<>();
        int roll = random.nextInt(100);
        if (roll < 30) {
            detect(now);
        } else if (roll < 33) {
            detect(now);
            detect(now);
        }
        if (protectionOffCycles > 0 && --protectionOffCycles == 0 && protectionByPolicy) {
            realTimeProtection = "on";
        } else if (realTimeProtection.equals("on") && random.nextInt(200) == 0) {
            realTimeProtection = "off";
            protectionOffCycles = 3 + random.nextInt(5);
            events.add(event(now, "protection-disabled", "FUNCTIONAL_FAILURE",
                    "Real-time protection was turned off by the user", Map.of("reason", "user"),
                    "protection-disabled/" + now));
        }
        if (Duration.between(lastUpdateCheck, now).toHours() >= 2) {
            lastUpdateCheck = now;
            databasesReleasedAt = now.minus(Duration.ofMinutes(30 + random.nextInt(180))).truncatedTo(ChronoUnit.SECONDS);
        }
        return events;
    }

    /** A new detection now, with a realistic outcome. */
    Detection detect(Instant at) {
        ThreatCatalogue.Threat threat = ThreatCatalogue.pick(random);
        String path = machine.pathOf(threat, random);
        String[] outcome = outcome(threat);
        byte[] hash = new byte[32];
        random.nextBytes(hash);
        Detection detection = new Detection("det-" + Long.toHexString(random.nextLong()), path, threat, outcome[0],
                outcome[1], at.truncatedTo(ChronoUnit.MILLIS), threat.inMemory() ? null : HexFormat.of().formatHex(hash));
        detections.put(detection.id(), detection);
        unreported.add(detection.id());
        store(detection, at);
        return detection;
    }

    private String[] outcome(ThreatCatalogue.Threat threat) {
        int roll = random.nextInt(100);
        if (threat.inMemory()) {
            return roll < 50 ? new String[] {"none", "not-disinfected"} : new String[] {"disinfected", "disinfected"};
        }
        if ((threat.type().equals("adware") || threat.type().equals("riskware")) && roll < 50) {
            return new String[] {"reported", "detected"};
        }
        if (roll < 45) {
            return new String[] {"quarantined", "quarantined"};
        }
        if (roll < 65) {
            return new String[] {"disinfected", "disinfected"};
        }
        if (roll < 80) {
            return new String[] {"deleted", "deleted"};
        }
        if (roll < 88) {
            return new String[] {"blocked", "detected"};
        }
        if (roll < 92) {
            return new String[] {"reported", "detected"};
        }
        return new String[] {"none", "not-disinfected"};
    }

    /** Quarantined objects go to quarantine; a copy of a disinfected or deleted one goes to backup. */
    private void store(Detection detection, Instant at) {
        String area = switch (detection.status()) {
            case "quarantined" -> "quarantine";
            case "disinfected", "deleted" -> "backup";
            default -> null;
        };
        if (area == null || detection.threat().inMemory()) {
            return;
        }
        String fileName = detection.objectPath().substring(
                Math.max(detection.objectPath().lastIndexOf('/'), detection.objectPath().lastIndexOf('\\')) + 1);
        storage.put(detection.id(), new StoredFile("q-" + detection.id(), area, fileName, detection.objectPath(),
                1024L + random.nextInt(8 * 1024 * 1024), at.truncatedTo(ChronoUnit.MILLIS),
                detection.threat().name()));
        storageChanged = true;
    }

    /**
     * A scan: looks at the objects of its scope, acts on what was found earlier and not resolved yet (as the task's
     * action says), and may find something new.
     */
    ScanOutcome scan(String scope, List<String> paths, String action, Instant startedAt, Instant finishedAt) {
        long objects = switch (scope) {
            case "full" -> 120_000 + random.nextInt(300_000);
            case "critical-areas" -> 15_000 + random.nextInt(45_000);
            default -> Math.max(1, paths.size()) * (500L + random.nextInt(20_000));
        };
        List<Detection> found = new ArrayList<>();
        if (random.nextInt(100) < 40) {
            found.add(detect(finishedAt.minusSeconds(1)));
        }
        for (Detection detection : List.copyOf(detections.values())) {
            if (!detection.unresolved() || found.contains(detection)) {
                continue;
            }
            // a boot sector cannot be deleted, and this family resists the ordinary disinfection: it stays
            Detection resolved = detection.threat().inMemory() ? detection : switch (action) {
                case "disinfect" -> detection.withOutcome("disinfected", "disinfected");
                case "delete" -> detection.withOutcome("deleted", "deleted");
                default -> detection;
            };
            if (!resolved.equals(detection)) {
                detections.put(resolved.id(), resolved);
                unreported.add(resolved.id());
                store(resolved, finishedAt);
            }
        }
        if (scope.equals("full")) {
            lastFullScan = finishedAt.truncatedTo(ChronoUnit.MILLIS);
        } else {
            lastQuickScan = finishedAt.truncatedTo(ChronoUnit.MILLIS);
        }
        return new ScanOutcome(scope, startedAt, finishedAt, objects, found);
    }

    /**
     * Downloads the newest databases.
     *
     * @return the new release time, or empty when they were current and the update was not forced
     */
    Optional<Instant> updateDatabases(boolean force, Instant now) {
        lastUpdateCheck = now;
        if (!force && Duration.between(databasesReleasedAt, now).toHours() < 1) {
            return Optional.empty();
        }
        databasesReleasedAt = now.minus(Duration.ofMinutes(5 + random.nextInt(40))).truncatedTo(ChronoUnit.SECONDS);
        return Optional.of(databasesReleasedAt);
    }

    Instant databasesReleasedAt() {
        return databasesReleasedAt;
    }

    int detectionCount() {
        return detections.size();
    }

    boolean hasUnreportedDetections() {
        return !unreported.isEmpty();
    }

    boolean storageChanged() {
        return storageChanged;
    }

    /**
     * Applies the policy's real-time protection setting: turned off by the policy it stays off (the user cannot turn
     * it on); turned on, it is on again.
     */
    void applyPolicy(boolean realTimeProtectionEnabled) {
        protectionByPolicy = realTimeProtectionEnabled;
        realTimeProtection = realTimeProtectionEnabled ? "on" : "off";
        protectionOffCycles = 0;
    }

    String realTimeProtection() {
        return realTimeProtection;
    }

    /** {@code PUT /bridge/v1/applications/endpoint-protection}: the application's own entry. */
    Map<String, Object> applicationState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", "Endpoint Protection");
        state.put("version", VERSION);
        state.put("state", "RUNNING");
        state.put("realTimeProtection", realTimeProtection.toUpperCase().replace('-', '_'));
        state.put("lastScan", lastFullScan.toString());
        state.put("threatsDetected", detections.size());
        state.put("objectsNotDisinfected",
                detections.values().stream().filter(d -> d.status().equals("not-disinfected")).count());
        state.put("components", components());
        state.put("activeKey", Map.of("key", activeKey.get("keyId"), "expiresAt", activeKey.get("expiresAt")));
        if (reserveKey != null) {
            state.put("reserveKey", Map.of("key", reserveKey.get("keyId"), "expiresAt", reserveKey.get("expiresAt")));
        }
        state.put("installedAt", installedAt.toString());
        state.put("installId", installId);
        return state;
    }

    /** Kind {@code threats}: the detections new or changed since the last call. */
    Map<String, Object> threatsReport() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : unreported) {
            Detection d = detections.get(id);
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", d.id());
            item.put("objectPath", d.objectPath());
            item.put("threatName", d.threat().name());
            item.put("threatType", d.threat().type());
            item.put("actionTaken", d.action());
            item.put("status", d.status());
            item.put("detectedAt", d.detectedAt().toString());
            if (d.sha256() != null) {
                item.put("sha256", d.sha256());
            }
            list.add(item);
        }
        unreported.clear();
        return Map.of("detections", list);
    }

    /** Kind {@code quarantine}: everything in quarantine and backup now. */
    Map<String, Object> quarantineReport() {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (StoredFile file : storage.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", file.id());
            entry.put("storage", file.storage());
            entry.put("fileName", file.fileName());
            entry.put("originalPath", file.originalPath());
            entry.put("sizeBytes", file.sizeBytes());
            entry.put("storedAt", file.storedAt().toString());
            entry.put("threatName", file.threatName());
            entries.add(entry);
        }
        storageChanged = false;
        return Map.of("entries", entries);
    }

    /** Kind {@code scan-status}. */
    Map<String, Object> scanStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("realTimeProtection", realTimeProtection);
        status.put("lastFullScan", lastFullScan.toString());
        status.put("lastQuickScan", lastQuickScan.toString());
        status.put("databasesReleasedAt", databasesReleasedAt.toString());
        status.put("components", components());
        return status;
    }

    /** Kind {@code licence}. */
    Map<String, Object> licenceReport() {
        Map<String, Object> licence = new LinkedHashMap<>();
        licence.put("active", activeKey);
        licence.put("reserve", reserveKey);
        return licence;
    }

    /** An event of the application, with an id derived from what it is about, so sending it again is harmless. */
    Map<String, Object> event(Instant at, String type, String severity, String description,
            Map<String, Object> payload, String subject) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", UUID.nameUUIDFromBytes((installId + "/" + subject).getBytes(StandardCharsets.UTF_8))
                .toString());
        event.put("occurredAt", at.toString());
        event.put("source", APPLICATION);
        event.put("type", type);
        event.put("severity", severity);
        event.put("description", description);
        event.put("payload", payload);
        return event;
    }

    private List<Map<String, Object>> components() {
        List<Map<String, Object>> components = new ArrayList<>();
        for (String name : COMPONENTS) {
            String status = name.equals("File Threat Protection") && !realTimeProtection.equals("on")
                    ? "stopped" : "running";
            components.add(Map.of("name", name, "version", VERSION, "status", status));
        }
        return components;
    }

    private Map<String, Object> key(String type, Instant expiresAt, int devices) {
        String keyId = String.format("%05X-%05X-%05X-%05X", random.nextInt(0x100000), random.nextInt(0x100000),
                random.nextInt(0x100000), random.nextInt(0x100000));
        Map<String, Object> key = new LinkedHashMap<>();
        // only the last four characters leave the device: the plugin keeps no more
        key.put("keyId", "****-" + keyId.substring(keyId.length() - 4));
        key.put("type", type);
        key.put("expiresAt", expiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
        key.put("devicesLimit", devices);
        return key;
    }
}
