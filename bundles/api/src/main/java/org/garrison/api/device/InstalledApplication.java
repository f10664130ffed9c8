package org.garrison.api.device;

import java.time.Instant;
import java.util.List;

/**
 * A managed application installed on a device, as the application reports itself.
 *
 * @param applicationId         the application's plugin id, e.g. "endpoint-protection"
 * @param name                  its display name
 * @param version               its version
 * @param state                 whether it runs
 * @param realTimeProtection    real-time protection state
 * @param lastScan              when the device was last fully scanned, or {@code null}
 * @param threatsDetected       number of threats detected
 * @param objectsNotDisinfected number of objects that could not be disinfected
 * @param components            its components and their status
 * @param activeKey             the active licence key, or {@code null}
 * @param reserveKey            the reserve licence key, or {@code null}
 * @param installedAt           when it was installed, or {@code null}
 * @param installId             the installation's id, or {@code null}
 * @param statusReports         device-status reasons the application sets
 * @param tags                  tags the application assigns to the device
 */
public record InstalledApplication(String applicationId, String name, String version, ApplicationState state,
        ProtectionState realTimeProtection, Instant lastScan, long threatsDetected, long objectsNotDisinfected,
        List<ApplicationComponent> components, LicenceKey activeKey, LicenceKey reserveKey, Instant installedAt,
        String installId, List<ApplicationStatusReport> statusReports, List<String> tags) {

    public InstalledApplication {
        components = components == null ? List.of() : List.copyOf(components);
        statusReports = statusReports == null ? List.of() : List.copyOf(statusReports);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
