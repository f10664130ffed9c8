package org.garrison.plugins.endpointprotection.internal.store;

import java.time.Instant;
import java.util.UUID;

import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;

/**
 * A detection as stored: what the application reported, and when its status last changed (the application's time
 * of the report that changed it).
 */
public record StoredThreat(UUID deviceId, String detectionId, String objectPath, String threatName, String threatType,
        String actionTaken, ThreatStatus status, String sha256, Instant detectedAt, Instant changedAt) {
}
