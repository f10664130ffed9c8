package org.garrison.plugins.endpointprotection.internal.rest;

import java.time.Instant;
import java.util.UUID;

import org.garrison.plugins.endpointprotection.internal.store.StoredThreat;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A detection as the REST API shows it.
 */
@Schema(name = "EndpointProtectionThreat", description = "A threat the application found on a device")
public record ThreatView(
        UUID deviceId,
        @Schema(description = "The device's display name now; absent when the device was deleted meanwhile")
        String deviceName,
        @Schema(description = "The application's id of the detection") String detectionId,
        @Schema(description = "The infected object; may contain a user name") String objectPath,
        String threatName,
        @Schema(description = "virus, trojan, worm, ransomware, backdoor, rootkit, exploit, spyware, phishing, adware,"
                + " riskware or other") String threatType,
        @Schema(description = "disinfected, quarantined, deleted, blocked, reported or none") String actionTaken,
        @Schema(description = "detected, disinfected, quarantined, deleted or not-disinfected") String status,
        String sha256,
        Instant detectedAt,
        @Schema(description = "When the application reported its current status") Instant changedAt) {

    static ThreatView of(StoredThreat threat, String deviceName) {
        return new ThreatView(threat.deviceId(), deviceName, threat.detectionId(), threat.objectPath(),
                threat.threatName(), threat.threatType(), threat.actionTaken(), threat.status().wireName(),
                threat.sha256(), threat.detectedAt(), threat.changedAt());
    }
}
