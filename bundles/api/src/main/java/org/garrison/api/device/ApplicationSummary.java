package org.garrison.api.device;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * One managed application across the devices a caller sees: how many devices have it installed, whether it runs and
 * protects them, the threats it found, and the use of its licence keys.
 *
 * @param applicationId      the application's plugin id, e.g. "endpoint-protection"
 * @param name               its display name as the devices report it
 * @param devices            how many devices have it installed
 * @param states             devices per application state; states no device is in are left out
 * @param realTimeProtection devices per real-time protection state; states no device is in are left out
 * @param threatsDetected    threats detected, summed over the devices
 * @param notDisinfected     objects not disinfected, summed over the devices
 * @param licences           the devices' active licence keys
 */
public record ApplicationSummary(String applicationId, String name, long devices, Map<ApplicationState, Long> states,
        Map<ProtectionState, Long> realTimeProtection, long threatsDetected, long notDisinfected,
        LicenceUsage licences) {

    public ApplicationSummary {
        states = nonZero(states, ApplicationState.class);
        realTimeProtection = nonZero(realTimeProtection, ProtectionState.class);
    }

    /** The counts in the enum's order, without zeros. */
    private static <E extends Enum<E>> Map<E, Long> nonZero(Map<E, Long> counts, Class<E> type) {
        EnumMap<E, Long> ordered = new EnumMap<>(type);
        if (counts != null) {
            counts.forEach((key, count) -> {
                if (key != null && count != null && count != 0) {
                    ordered.put(key, count);
                }
            });
        }
        return Collections.unmodifiableMap(ordered);
    }
}
