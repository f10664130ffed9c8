package org.garrison.plugins.endpointprotection.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatDetection;

/**
 * The events the plugin writes about what its application reports. Each event's id is derived from what it is
 * about (the device and the detection id, or the database release), so the event store keeps it exactly once however
 * often the report arrives: a retried hand-over, an agent sending its outbox again, a status that flips back.
 */
public final class ProtectionEvents {

    private ProtectionEvents() {
    }

    public static NewEvent threatDetected(UUID deviceId, ThreatDetection detection) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("detectionId", detection.id());
        payload.put("objectPath", detection.objectPath());
        payload.put("threatName", detection.threatName());
        payload.put("threatType", detection.threatType());
        payload.put("actionTaken", detection.actionTaken());
        payload.put("status", detection.status().wireName());
        payload.put("detectedAt", detection.detectedAt().toString());
        if (detection.sha256() != null) {
            payload.put("sha256", detection.sha256());
        }
        String description = "Threat " + detection.threatName() + " (" + detection.threatType() + ") found in "
                + detection.objectPath() + ": " + detection.status().wireName().replace('-', ' ');
        return event(id(deviceId, EndpointProtection.EVENT_THREAT_DETECTED, detection.id()), detection.detectedAt(),
                deviceId, EndpointProtection.EVENT_THREAT_DETECTED, EventSeverity.CRITICAL, description, payload);
    }

    public static NewEvent objectNotDisinfected(UUID deviceId, ThreatDetection detection, Instant reportedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("detectionId", detection.id());
        payload.put("objectPath", detection.objectPath());
        payload.put("threatName", detection.threatName());
        payload.put("threatType", detection.threatType());
        payload.put("detectedAt", detection.detectedAt().toString());
        String description = "Could not disinfect " + detection.objectPath() + " (" + detection.threatName()
                + "): the device is still infected";
        return event(id(deviceId, EndpointProtection.EVENT_OBJECT_NOT_DISINFECTED, detection.id()), reportedAt,
                deviceId, EndpointProtection.EVENT_OBJECT_NOT_DISINFECTED, EventSeverity.CRITICAL, description,
                payload);
    }

    public static NewEvent databasesOutdated(UUID deviceId, Instant releasedAt, DatabaseAge age, Instant reportedAt) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("databasesReleasedAt", releasedAt.toString());
        payload.put("ageDays", age.days());
        payload.put("thresholdDays", age.threshold());
        String description = "Anti-virus databases are " + age.days() + " days old (released " + releasedAt
                + "); outdated from " + age.threshold() + " days";
        return event(id(deviceId, EndpointProtection.EVENT_DATABASES_OUTDATED, releasedAt.toString()), reportedAt,
                deviceId, EndpointProtection.EVENT_DATABASES_OUTDATED, EventSeverity.WARNING, description, payload);
    }

    /** The same id for the same fact, whichever server node or retry writes it. */
    static UUID id(UUID deviceId, String type, String subject) {
        return UUID.nameUUIDFromBytes((EndpointProtection.ID + "/" + type + "/" + deviceId + "/" + subject)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static NewEvent event(UUID id, Instant occurredAt, UUID deviceId, String type, EventSeverity severity,
            String description, Map<String, Object> payload) {
        String text = description.length() <= EventService.MAX_DESCRIPTION_LENGTH ? description
                : description.substring(0, EventService.MAX_DESCRIPTION_LENGTH - 1) + "…";
        return new NewEvent(id, occurredAt, deviceId, null, EndpointProtection.ID, type, severity, text, payload);
    }
}
