package org.garrison.plugins.endpointprotection.internal;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

import org.garrison.api.agent.ApplicationData;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reports of the application as they arrive from the gateway: JSON objects read into maps.
 */
final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Reports() {
    }

    @SuppressWarnings("unchecked")
    static ApplicationData report(String kind, Instant reportedAt, String json) {
        try {
            return new ApplicationData(EndpointProtection.ID, kind, reportedAt, JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String detection(String id, String status, String action, Instant detectedAt) {
        return "{\"id\": \"" + id + "\", \"objectPath\": \"/home/alice/Downloads/" + id + ".exe\", \"threatName\": "
                + "\"HEUR:Trojan.Win32.Generic\", \"threatType\": \"trojan\", \"actionTaken\": \"" + action + "\", "
                + "\"status\": \"" + status + "\", \"detectedAt\": \"" + detectedAt + "\"}";
    }

    static ApplicationData threats(Instant reportedAt, String... detections) {
        return report(EndpointProtection.KIND_THREATS, reportedAt, "{\"detections\": [" + String.join(", ", detections)
                + "]}");
    }

    static ApplicationData scanStatus(Instant reportedAt, String protection, Instant databasesReleasedAt) {
        return report(EndpointProtection.KIND_SCAN_STATUS, reportedAt, "{\"realTimeProtection\": \"" + protection
                + "\", \"lastFullScan\": \"2026-11-20T02:00:00Z\", \"lastQuickScan\": null, "
                + "\"databasesReleasedAt\": \"" + databasesReleasedAt + "\", \"components\": ["
                + "{\"name\": \"File Threat Protection\", \"version\": \"12.6\", \"status\": \"running\"}, "
                + "{\"name\": \"Behavior Detection\", \"version\": \"12.6\", \"status\": \"running\"}, "
                + "{\"name\": \"Behavior Detection\", \"version\": \"12.6\", \"status\": \"listed twice\"}]}");
    }
}
