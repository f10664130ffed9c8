package org.garrison.plugins.devicecontrol.internal;

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
            return new ApplicationData(DeviceControl.ID, kind, reportedAt, JSON.readValue(json, Map.class));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A USB stick. */
    static String stick(String instanceId, String access, Instant seen) {
        return device(instanceId, "removable-storage", "usb", "SanDisk Ultra", access, seen);
    }

    /** A USB printer. */
    static String printer(String instanceId, String access, Instant seen) {
        return device(instanceId, "printer", "usb", "HP LaserJet M404", access, seen);
    }

    static String device(String instanceId, String deviceClass, String bus, String name, String access,
            Instant seen) {
        return "{\"instanceId\": \"" + instanceId + "\", \"deviceClass\": \"" + deviceClass + "\", \"bus\": \"" + bus
                + "\", \"name\": \"" + name + "\", \"vendorId\": \"0781\", \"productId\": \"5581\", \"serialNumber\": "
                + "\"4C530001\", \"access\": \"" + access + "\", \"decidedBy\": \"class-default\", \"firstSeen\": \""
                + seen + "\", \"lastSeen\": \"" + seen + "\"}";
    }

    static ApplicationData snapshot(Instant reportedAt, String mode, String... devices) {
        return report(DeviceControl.KIND_CONNECTED_DEVICES, reportedAt, "{\"mode\": \"" + mode + "\", \"policyHash\": "
                + "\"ab12\", \"devices\": [" + String.join(", ", devices) + "]}");
    }

    static String entry(String id, String decision, String decidedBy, Instant at) {
        return "{\"id\": \"" + id + "\", \"at\": \"" + at + "\", \"instanceId\": \"USB\\\\VID_0781&PID_5581\\\\" + id
                + "\", \"deviceClass\": \"removable-storage\", \"bus\": \"usb\", \"name\": \"SanDisk Ultra\", "
                + "\"vendorId\": \"0781\", \"productId\": \"5581\", \"serialNumber\": \"4C530001\", \"decision\": \""
                + decision + "\", \"enforced\": true, \"decidedBy\": \"" + decidedBy + "\", \"trigger\": "
                + "\"attached\", \"userAccount\": \"CORP\\\\alice\"}";
    }

    static ApplicationData accessLog(Instant reportedAt, String... entries) {
        return report(DeviceControl.KIND_ACCESS_LOG, reportedAt, "{\"entries\": [" + String.join(", ", entries)
                + "]}");
    }
}
