package org.garrison.plugins.endpointprotection.internal.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.plugins.endpointprotection.internal.reports.ComponentStatus;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceKeyReport;
import org.garrison.plugins.endpointprotection.internal.reports.QuarantineEntry;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Everything the plugin holds about one device.
 *
 * @param scan       its last scan-status report, or {@code null} when none arrived yet
 * @param threats    its detections, counted, and the most recent ones
 * @param quarantine its quarantine and backup files, newest first
 * @param licence    its licence keys, or {@code null} when none were reported yet
 */
@Schema(name = "EndpointProtectionDevice", description = "What Endpoint Protection reports about one device")
public record DeviceProtectionView(UUID deviceId, String deviceName, Scan scan, Threats threats,
        List<QuarantineEntry> quarantine, Licence licence) {

    /**
     * @param reportedAt when the application reported it
     */
    @Schema(name = "EndpointProtectionScanState")
    public record Scan(Instant reportedAt,
            @Schema(description = "on, off, paused, starting or not-supported") String realTimeProtection,
            Instant lastFullScan, Instant lastQuickScan, Instant databasesReleasedAt,
            List<ComponentStatus> components) {
    }

    /**
     * @param detected       every detection of the device
     * @param notDisinfected those that could not be disinfected
     * @param recent         the newest ones
     */
    @Schema(name = "EndpointProtectionThreatSummary")
    public record Threats(long detected, long notDisinfected, List<ThreatView> recent) {
    }

    @Schema(name = "EndpointProtectionLicence")
    public record Licence(Instant reportedAt, LicenceKeyReport active, LicenceKeyReport reserve) {
    }
}
