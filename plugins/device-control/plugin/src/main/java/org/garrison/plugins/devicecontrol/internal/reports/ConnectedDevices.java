package org.garrison.plugins.devicecontrol.internal.reports;

import java.util.List;

/**
 * A report of kind {@code connected-devices}: every external device attached now.
 *
 * @param mode       {@code enforce} or {@code log-only}
 * @param policyHash the hash of the effective policy the application applies, or {@code null} (its defaults)
 * @param devices    the devices, each instance id once
 */
public record ConnectedDevices(String mode, String policyHash, List<ExternalDevice> devices) {

    public static final String ENFORCE = "enforce";
    public static final String LOG_ONLY = "log-only";

    public ConnectedDevices {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }
}
