package org.garrison.plugins.devicecontrol.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.event.EventService;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.plugins.devicecontrol.internal.reports.AccessEntry;

/**
 * The events the plugin writes about what its application reports. (The application sends {@code device-blocked}
 * itself, as it blocks.) Each event's id is derived from the device and the access-log entry it is about, so the
 * event store keeps it exactly once however often the report arrives.
 */
public final class DeviceControlEvents {

    private DeviceControlEvents() {
    }

    public static NewEvent allowedByException(UUID deviceId, AccessEntry entry) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("entryId", entry.id());
        payload.put("instanceId", entry.instanceId());
        payload.put("deviceClass", entry.deviceClass());
        payload.put("bus", entry.bus());
        payload.put("name", entry.name());
        putIfPresent(payload, "vendorId", entry.vendorId());
        putIfPresent(payload, "productId", entry.productId());
        putIfPresent(payload, "serialNumber", entry.serialNumber());
        putIfPresent(payload, "userAccount", entry.userAccount());
        String description = "Trusted device " + entry.name() + " (" + entry.deviceClass() + " on " + entry.bus()
                + (entry.vendorId() == null ? "" : ", " + entry.vendorId() + ":" + entry.productId())
                + ") allowed by an exception of the policy";
        String text = description.length() <= EventService.MAX_DESCRIPTION_LENGTH ? description
                : description.substring(0, EventService.MAX_DESCRIPTION_LENGTH - 1) + "…";
        return new NewEvent(id(deviceId, DeviceControl.EVENT_ALLOWED_BY_EXCEPTION, entry.id()), entry.at(), deviceId,
                null, DeviceControl.ID, DeviceControl.EVENT_ALLOWED_BY_EXCEPTION, EventSeverity.INFO, text, payload);
    }

    /** The same id for the same fact, whichever server node or retry writes it. */
    static UUID id(UUID deviceId, String type, String subject) {
        return UUID.nameUUIDFromBytes((DeviceControl.ID + "/" + type + "/" + deviceId + "/" + subject)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void putIfPresent(Map<String, Object> payload, String key, String value) {
        if (value != null) {
            payload.put(key, value);
        }
    }
}
